# Runs the command after "--" and compares its standard output with EXPECTED_FILE (a golden
# output or a generated document). With UPDATE_GOLDEN=1 in the environment it rewrites the
# file instead; review the change with git diff.
include(${CMAKE_CURRENT_LIST_DIR}/command_after_dashes.cmake)
execute_process(COMMAND ${command} RESULT_VARIABLE exit OUTPUT_VARIABLE actual ERROR_VARIABLE err)
if(NOT exit EQUAL 0)
  message(FATAL_ERROR "command exited with ${exit}: ${err}")
endif()
# Outputs name the law's folder and snapshot ("Law: ..."): where the checkout and the build
# are differs from machine to machine, so the golden files say <build> and <source>.
if(DEFINED BINARY_DIR)
  string(REPLACE "${BINARY_DIR}" "<build>" actual "${actual}")
endif()
if(DEFINED SOURCE_DIR)
  string(REPLACE "${SOURCE_DIR}" "<source>" actual "${actual}")
endif()
if(DEFINED ENV{UPDATE_GOLDEN} AND "$ENV{UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE ${EXPECTED_FILE} "${actual}")
  message("updated ${EXPECTED_FILE}")
  return()
endif()
if(NOT EXISTS ${EXPECTED_FILE})
  message(FATAL_ERROR "missing ${EXPECTED_FILE}; regenerate with UPDATE_GOLDEN=1 ctest -R '${TEST_NAME}'")
endif()
file(READ ${EXPECTED_FILE} expected)
if(NOT actual STREQUAL expected)
  file(WRITE ${EXPECTED_FILE}.actual "${actual}")
  message(FATAL_ERROR "output differs from ${EXPECTED_FILE} (see ${EXPECTED_FILE}.actual); if the change "
                      "is intended: UPDATE_GOLDEN=1 ctest -R '${TEST_NAME}', review with git diff, commit")
endif()
