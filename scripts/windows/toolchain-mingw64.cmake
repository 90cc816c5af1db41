# CMake toolchain for the 64-bit Windows cross build from Debian (MinGW-w64, posix threads).
# The dependency prefix comes from TUCAI_WIN64_PREFIX (set by scripts/windows/deps.sh and build.sh).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(_tucai_host x86_64-w64-mingw32)
set(CMAKE_C_COMPILER   ${_tucai_host}-gcc-posix)
set(CMAKE_CXX_COMPILER ${_tucai_host}-g++-posix)
set(CMAKE_RC_COMPILER  ${_tucai_host}-windres)
set(CMAKE_AR           /usr/bin/${_tucai_host}-gcc-ar-posix CACHE FILEPATH "")
set(CMAKE_RANLIB       /usr/bin/${_tucai_host}-gcc-ranlib-posix CACHE FILEPATH "")

set(CMAKE_FIND_ROOT_PATH /usr/${_tucai_host})
if(DEFINED ENV{TUCAI_WIN64_PREFIX})
  list(APPEND CMAKE_FIND_ROOT_PATH $ENV{TUCAI_WIN64_PREFIX})
  list(APPEND CMAKE_PREFIX_PATH $ENV{TUCAI_WIN64_PREFIX})
endif()
# Programs are the build machine's; libraries, headers and packages only the target's.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
