# The import's value parsers (tp::values): amounts, probabilities, dates, booleans, identifiers,
# scores.
target_sources(tp_core PRIVATE
    values/amounts.cpp values/amounts.h
    values/booleans.cpp values/booleans.h
    values/common.cpp values/common.h
    values/dates.cpp values/dates.h
    values/identifiers.cpp values/identifiers.h
    values/probabilities.cpp values/probabilities.h
    values/scores.cpp values/scores.h
)
