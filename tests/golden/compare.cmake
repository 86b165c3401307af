# Compares the output of `ibsa evaluate` with a golden file. Set UPDATE_GOLDEN=1 in the
# environment to rewrite the golden file instead (then review it with git diff).
execute_process(
  COMMAND ${IBSA} --rulesets ${RULESETS} evaluate --format ${FORMAT} --lang ${LANG}
          --assessed-on 2026-11-21 ${CASE}
  RESULT_VARIABLE exit OUTPUT_VARIABLE actual ERROR_VARIABLE err)
if(NOT exit EQUAL 0)
  message(FATAL_ERROR "ibsa exited with ${exit}: ${err}")
endif()
# A fixed assessment date keeps the lex mitior lines stable from day to day.
if(DEFINED ENV{UPDATE_GOLDEN} AND "$ENV{UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE ${GOLDEN} "${actual}")
  message("updated ${GOLDEN}")
  return()
endif()
if(NOT EXISTS ${GOLDEN})
  message(FATAL_ERROR "missing golden file ${GOLDEN}; run with UPDATE_GOLDEN=1")
endif()
file(READ ${GOLDEN} expected)
if(NOT actual STREQUAL expected)
  file(WRITE ${GOLDEN}.actual "${actual}")
  message(FATAL_ERROR "output differs from ${GOLDEN}; see ${GOLDEN}.actual (diff them, then "
                      "UPDATE_GOLDEN=1 ctest -R golden if the change is intended)")
endif()
