# Installs the build tree into a fresh prefix and checks that the binaries, the icon, the
# desktop file, the metainfo and the demo dataset land in the standard places.
# cmake -DBUILD_DIR=... -DPREFIX=... -DBINDIR=bin -DDATADIR=share -P check_install.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
  RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${result})")
endif()
foreach(file
    "${BINDIR}/focalscope"
    "${BINDIR}/focalscope-cli"
    "${DATADIR}/icons/hicolor/scalable/apps/io.focalscope.Focalscope.svg"
    "${DATADIR}/applications/io.focalscope.Focalscope.desktop"
    "${DATADIR}/metainfo/io.focalscope.Focalscope.metainfo.xml"
    "${DATADIR}/focalscope/demo/demo.npz")
  if(NOT EXISTS "${PREFIX}/${file}")
    message(FATAL_ERROR "not installed: ${file}")
  endif()
endforeach()
message(STATUS "installed as expected under ${PREFIX}")
