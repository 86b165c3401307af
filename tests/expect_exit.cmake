# Runs the command after "--" and fails unless it exits with EXPECTED_EXIT. Prints the
# command's stdout and stderr so that PASS_REGULAR_EXPRESSION can check the message.
include(${CMAKE_CURRENT_LIST_DIR}/command_after_dashes.cmake)
execute_process(COMMAND ${command} RESULT_VARIABLE exit OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT "${exit}" STREQUAL "${EXPECTED_EXIT}")
  message(FATAL_ERROR "IBSA-EXIT-MISMATCH: exit code ${exit}, expected ${EXPECTED_EXIT}")
endif()
