# Runs the command after "--" and compares its standard output with EXPECTED_FILE (a golden
# output or a generated document).
#
# UPDATE_GOLDEN in the environment rewrites the expected files it names instead of comparing
# them: file names or patterns (`*` any run of characters, `?` one character), separated by
# commas, matched against the file's name without its folder, e.g.
#   UPDATE_GOLDEN=demo.text.en ctest -R golden
#   UPDATE_GOLDEN='demo.*.nl,coverage.md' ctest -R 'golden|coverage'
# Every other file is compared as usual, so the rest of the suite still checks. A value that
# names no file (UPDATE_GOLDEN=1, ON, yes...) is refused: it once rewrote every golden file
# silently. Review the rewritten files with git diff.
include(${CMAKE_CURRENT_LIST_DIR}/command_after_dashes.cmake)
get_filename_component(expected_name "${EXPECTED_FILE}" NAME)

# Whether UPDATE_GOLDEN asks for `expected_name` to be rewritten; refuses a bare switch.
set(update FALSE)
if(DEFINED ENV{UPDATE_GOLDEN} AND NOT "$ENV{UPDATE_GOLDEN}" STREQUAL "")
  set(patterns "$ENV{UPDATE_GOLDEN}")
  if(patterns MATCHES "^[0-9]+$" OR patterns MATCHES "^([Oo][Nn]|[Yy]([Ee][Ss])?|[Tt][Rr][Uu][Ee]|[Aa][Ll][Ll])$")
    message(FATAL_ERROR "UPDATE_GOLDEN=${patterns} does not say which file to rewrite: name it "
                        "(or a pattern), e.g. UPDATE_GOLDEN=${expected_name} ctest -R '${TEST_NAME}'; "
                        "several: UPDATE_GOLDEN='demo.*.en,coverage.md'")
  endif()
  string(REPLACE "," ";" patterns "${patterns}")
  foreach(pattern IN LISTS patterns)
    string(STRIP "${pattern}" pattern)
    # The glob as a regular expression: every character literal but * and ?.
    string(REGEX REPLACE "([][.+^$(){}|\\\\])" "\\\\\\1" regex "${pattern}")
    string(REPLACE "*" ".*" regex "${regex}")
    string(REPLACE "?" "." regex "${regex}")
    if(NOT pattern STREQUAL "" AND expected_name MATCHES "^${regex}$")
      set(update TRUE)
    endif()
  endforeach()
endif()

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
# Outputs end with their provenance, which names the git commit of the build: it changes
# with every commit (and says -dirty while the checkout has changes), so the golden files
# say <commit>. The rest of the provenance (version, law hashes, dates, case hash) is kept.
string(REGEX REPLACE "\\((git [0-9a-f]+(-dirty)?|unknown commit|commit onbekend|commit inconnu)\\)" "(<commit>)"
       actual "${actual}")
string(REGEX REPLACE "\"ibsa_commit\": (\"[0-9a-f]+(-dirty)?\"|null)" "\"ibsa_commit\": \"<commit>\""
       actual "${actual}")
if(update)
  file(WRITE ${EXPECTED_FILE} "${actual}")
  message("updated ${EXPECTED_FILE}")
  return()
endif()
if(NOT EXISTS ${EXPECTED_FILE})
  message(FATAL_ERROR "missing ${EXPECTED_FILE}; write it with UPDATE_GOLDEN=${expected_name} ctest -R '${TEST_NAME}'")
endif()
file(READ ${EXPECTED_FILE} expected)
if(NOT actual STREQUAL expected)
  file(WRITE ${EXPECTED_FILE}.actual "${actual}")
  message(FATAL_ERROR "output differs from ${EXPECTED_FILE} (see ${EXPECTED_FILE}.actual); if the change "
                      "is intended: UPDATE_GOLDEN=${expected_name} ctest -R '${TEST_NAME}', review with git diff, commit")
endif()
