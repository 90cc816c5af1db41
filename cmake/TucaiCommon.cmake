# One INTERFACE target carrying the language level, warnings and strict Qt defines
# that every target of the project links. Keep project-wide policy here, nowhere else.
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()

add_library(tucai_options INTERFACE)
target_compile_features(tucai_options INTERFACE cxx_std_20)
target_compile_definitions(tucai_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_FOREACH
  QT_NO_KEYWORDS
  QT_USE_QSTRINGBUILDER
  QT_NO_CONTEXTLESS_CONNECT
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  TUCAI_VERSION="${PROJECT_VERSION}")
if(MSVC)
  target_compile_options(tucai_options INTERFACE /W4 /permissive- /utf-8)
else()
  target_compile_options(tucai_options INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
endif()
