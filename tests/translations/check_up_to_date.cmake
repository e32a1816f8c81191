# Runs lupdate (ARGS, separated by |) over a copy of the .ts file TS and fails when that changes
# it: a text counted with %n was added or changed without its forms, or one is left over.
string(REPLACE "|" ";" args "${ARGS}")
configure_file(${TS} ${COPY} COPYONLY)
execute_process(COMMAND ${LUPDATE} ${args} -ts ${COPY}
    RESULT_VARIABLE result OUTPUT_QUIET ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${result}): ${errors}")
endif()
file(READ ${TS} committed)
file(READ ${COPY} updated)
if(NOT committed STREQUAL updated)
    string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*<translation type=\"unfinished\""
           missing "${updated}")
    string(REGEX REPLACE "</source>[ \n]*<translation type=\"unfinished\"" "" missing "${missing}")
    string(REPLACE "<source>" "\n  " missing "${missing}")
    message(FATAL_ERROR
        "${TS} is out of date: build the target update_translations and give the singular and "
        "plural forms of the new texts there. Texts without forms:${missing}")
endif()
message(STATUS "${TS} is up to date.")
