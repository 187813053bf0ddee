# haven_target_defaults(target): warnings and common settings for every Haven target.
function(haven_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-missing-field-initializers)
  endif()
endfunction()
