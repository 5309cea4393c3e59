# Include views: how the build enforces the direction of includes between our folders.
#
# No target gets the repository root on its include path. Instead each target gets a folder of its own
# under the build tree holding symbolic links to just the folders it may include, so
# `#include "store/graph_store.h"` from extract/ finds nothing and fails to compile.
# The allowed directions (../DESIGN.md): extract, store -> common; graph -> store, common;
# scripting -> graph, store, common; app -> everything.

set(TUPU_ALLOWED_common common)
set(TUPU_ALLOWED_extract extract common)
set(TUPU_ALLOWED_store store common)
set(TUPU_ALLOWED_graph graph store common)
set(TUPU_ALLOWED_scripting scripting graph store common)
set(TUPU_ALLOWED_app app scripting graph store extract common)

# tupu_include_view(<target> <module>): <target> may include what <module> may include.
function(tupu_include_view target module)
  if(NOT DEFINED TUPU_ALLOWED_${module})
    message(FATAL_ERROR "tupu_include_view: unknown module '${module}'")
  endif()
  set(view "${PROJECT_BINARY_DIR}/include_views/${module}")
  if(NOT EXISTS "${view}")
    file(MAKE_DIRECTORY "${view}")
    foreach(folder IN LISTS TUPU_ALLOWED_${module})
      file(CREATE_LINK "${PROJECT_SOURCE_DIR}/${folder}" "${view}/${folder}" SYMBOLIC)
    endforeach()
  endif()
  target_include_directories(${target} PRIVATE "${view}")
endfunction()

# tupu_module(<module> [PUBLIC_LIBS ...] [PRIVATE_LIBS ...]): the static library tupu_<module>
# from every .cc in the folder (so helpers adding files never edit a shared list), with its view.
function(tupu_module module)
  cmake_parse_arguments(ARG "" "" "PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cc")
  file(GLOB headers CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.h")
  if(NOT sources)
    # A folder whose first .cc is yet to come still gives a library to link against.
    set(placeholder "${PROJECT_BINARY_DIR}/placeholders/${module}.cc")
    file(WRITE "${placeholder}" "// no sources yet in ${module}/\n")
    set(sources "${placeholder}")
  endif()
  add_library(tupu_${module} STATIC ${sources} ${headers})
  tupu_include_view(tupu_${module} ${module})
  target_link_libraries(tupu_${module} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
endfunction()
