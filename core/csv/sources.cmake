# The import's streaming CSV reader (namespace tp::csv). Included by core/CMakeLists.txt.
target_sources(tp_core PRIVATE
    csv/bytefinder.h
    csv/bytesource.cpp csv/bytesource.h
    csv/encoding.cpp csv/encoding.h
    csv/encodingevidence.cpp csv/encodingevidence.h
    csv/parseerror.cpp csv/parseerror.h
    csv/reader.cpp csv/reader.h
    csv/sniffer.cpp csv/sniffer.h
    csv/windows1252.cpp
)
