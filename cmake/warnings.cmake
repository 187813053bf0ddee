# haven_target_defaults(target): warnings and common settings for every Haven target.
function(haven_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-missing-field-initializers)
  endif()
endfunction()

# haven_link_areas(target lib...): links the Haven libraries that exist in this build (an area with no
# sources yet has no target), PRIVATE so the layering stays visible at link time.
function(haven_link_areas target)
  foreach(lib ${ARGN})
    if(TARGET ${lib})
      target_link_libraries(${target} PRIVATE ${lib})
    endif()
  endforeach()
endfunction()
