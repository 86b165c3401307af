# Included by the -P scripts: sets `command` to the arguments that follow "--" on the
# cmake command line (the program under test and its arguments).
set(command "")
set(take OFF)
foreach(i RANGE ${CMAKE_ARGC})
  if(take)
    list(APPEND command "${CMAKE_ARGV${i}}")
  elseif("${CMAKE_ARGV${i}}" STREQUAL "--")
    set(take ON)
  endif()
endforeach()
