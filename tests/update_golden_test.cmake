# Checks compare_output.cmake's UPDATE_GOLDEN (tests/CMakeLists.txt, cli.update_golden): a
# bare switch is refused and rewrites nothing; a name or pattern rewrites the files it
# names and only those; the others are still compared. Run with -DWORK=<scratch folder>.
set(compare ${CMAKE_CURRENT_LIST_DIR}/compare_output.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

# Runs compare_output.cmake on ${WORK}/<name> (holding "old") for a command that prints
# "new", with UPDATE_GOLDEN=<value>; sets <name>_exit, <name>_log and <name>_text.
function(compare name value)
  file(WRITE ${WORK}/${name} "old\n")
  execute_process(COMMAND ${CMAKE_COMMAND} -E env UPDATE_GOLDEN=${value}
                          ${CMAKE_COMMAND} -DEXPECTED_FILE=${WORK}/${name} -DTEST_NAME=golden
                          -P ${compare} -- ${CMAKE_COMMAND} -E echo new
                  RESULT_VARIABLE exit OUTPUT_VARIABLE out ERROR_VARIABLE err)
  file(READ ${WORK}/${name} text)
  set(${name}_exit ${exit} PARENT_SCOPE)
  set(${name}_log "${out}${err}" PARENT_SCOPE)
  set(${name}_text "${text}" PARENT_SCOPE)
endfunction()

set(failures "")

foreach(bare 1 ON yes true all)
  compare(demo.text.en ${bare})
  if(demo.text.en_exit EQUAL 0 OR NOT demo.text.en_text STREQUAL "old\n" OR
     NOT demo.text.en_log MATCHES "does not say which file to rewrite: name it.*UPDATE_GOLDEN=demo.text.en ctest -R 'golden'")
    string(APPEND failures "\n  UPDATE_GOLDEN=${bare} was not refused with a hint: ${demo.text.en_log}")
  endif()
endforeach()

compare(demo.text.en demo.text.en)
if(NOT demo.text.en_exit EQUAL 0 OR NOT demo.text.en_text STREQUAL "new\n")
  string(APPEND failures "\n  UPDATE_GOLDEN=demo.text.en did not rewrite demo.text.en: ${demo.text.en_log}")
endif()
compare(demo.text.nl "demo.text.en")
if(demo.text.nl_exit EQUAL 0 OR NOT demo.text.nl_text STREQUAL "old\n" OR NOT demo.text.nl_log MATCHES "output differs")
  string(APPEND failures "\n  UPDATE_GOLDEN=demo.text.en rewrote or skipped demo.text.nl: ${demo.text.nl_log}")
endif()
compare(demo.html.fr "coverage.md, demo.*.fr")
if(NOT demo.html.fr_exit EQUAL 0 OR NOT demo.html.fr_text STREQUAL "new\n")
  string(APPEND failures "\n  UPDATE_GOLDEN='coverage.md, demo.*.fr' did not rewrite demo.html.fr: ${demo.html.fr_log}")
endif()
# A dot is a dot, not any character.
compare(demoXtextXen "demo.text.en")
if(demoXtextXen_exit EQUAL 0 OR NOT demoXtextXen_text STREQUAL "old\n")
  string(APPEND failures "\n  UPDATE_GOLDEN=demo.text.en rewrote demoXtextXen")
endif()
compare(demo.json.en "demo.?son.en")
if(NOT demo.json.en_exit EQUAL 0 OR NOT demo.json.en_text STREQUAL "new\n")
  string(APPEND failures "\n  UPDATE_GOLDEN=demo.?son.en did not rewrite demo.json.en: ${demo.json.en_log}")
endif()
# Without UPDATE_GOLDEN, a difference fails and names the way to rewrite the file.
compare(gaps.md "")
if(gaps.md_exit EQUAL 0 OR NOT gaps.md_text STREQUAL "old\n" OR
   NOT gaps.md_log MATCHES "UPDATE_GOLDEN=gaps.md ctest -R 'golden'")
  string(APPEND failures "\n  a difference without UPDATE_GOLDEN did not fail with the way to rewrite: ${gaps.md_log}")
endif()

file(REMOVE_RECURSE ${WORK})
if(failures)
  message(FATAL_ERROR "update golden:${failures}")
endif()
message("update golden: all checks passed")
