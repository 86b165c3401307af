# Fails when docs/coverage.md differs from what `ibsa coverage` prints now. With
# UPDATE_GOLDEN=1 in the environment it rewrites the file instead (review with git diff).
execute_process(
  COMMAND ${IBSA} --rulesets ${RULESETS} coverage --format markdown --cases ${CASES}
  RESULT_VARIABLE exit OUTPUT_VARIABLE actual ERROR_VARIABLE err)
if(NOT exit EQUAL 0)
  message(FATAL_ERROR "ibsa coverage exited with ${exit}: ${err}")
endif()
if(DEFINED ENV{UPDATE_GOLDEN} AND "$ENV{UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE ${COVERAGE} "${actual}")
  message("updated ${COVERAGE}")
  return()
endif()
if(NOT EXISTS ${COVERAGE})
  message(FATAL_ERROR "missing ${COVERAGE}; run: UPDATE_GOLDEN=1 ctest -R coverage")
endif()
file(READ ${COVERAGE} expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "${COVERAGE} is stale: regenerate it with "
                      "`UPDATE_GOLDEN=1 ctest -R coverage` (or ./ibsa.sh coverage > docs/coverage.md) and commit it")
endif()
