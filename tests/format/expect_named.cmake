# Runs CHECK_FORMAT on FILE, which does not follow .clang-format, and fails unless the check
# fails as it should: exit code 1 (not 2, a missing tool or file) with FILE named in its list.
execute_process(COMMAND ${CHECK_FORMAT} ${FILE}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
if(NOT result EQUAL 1)
    message(FATAL_ERROR "check-format should fail with 1 on ${FILE}, got ${result}:\n"
        "${output}${errors}")
endif()
string(FIND "${errors}" "    ${FILE}\n" listed)
if(listed EQUAL -1)
    message(FATAL_ERROR "check-format failed without naming ${FILE}:\n${errors}")
endif()
message(STATUS "check-format names ${FILE}:\n${errors}")
