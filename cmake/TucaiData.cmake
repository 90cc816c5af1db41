# Data files the programs read at run time (face cascades, the landmark model). They are
# found relative to the executable (core/util/data_paths.cpp): <exe>/data/... on Windows,
# <exe>/../share/tucai/... when installed on Linux, and the build tree's data/ folder when run
# from the build (TUCAI_BUILD_DATA_DIR). Nothing in core names a system path.
if(WIN32)
  set(TUCAI_DATA_INSTALL_DIR "data")
else()
  set(TUCAI_DATA_INSTALL_DIR "share/tucai")
endif()
if(CMAKE_RUNTIME_OUTPUT_DIRECTORY)
  set(TUCAI_BUILD_DATA_DIR "${CMAKE_RUNTIME_OUTPUT_DIRECTORY}/data") # found as <exe>/data too
else()
  set(TUCAI_BUILD_DATA_DIR "${CMAKE_BINARY_DIR}/data")
endif()

# tucai_data_file(SOURCE_FILE SUBDIR): places SOURCE_FILE as data/SUBDIR/<name> in the build tree
# (a link where the file system allows, a copy otherwise) and installs it beside the programs.
function(tucai_data_file src sub)
  get_filename_component(name "${src}" NAME)
  set(dst "${TUCAI_BUILD_DATA_DIR}/${sub}/${name}")
  file(MAKE_DIRECTORY "${TUCAI_BUILD_DATA_DIR}/${sub}")
  if(NOT EXISTS "${dst}")
    file(CREATE_LINK "${src}" "${dst}" COPY_ON_ERROR SYMBOLIC)
  endif()
  install(FILES "${src}" DESTINATION "${TUCAI_DATA_INSTALL_DIR}/${sub}")
endfunction()

# OpenCV's cascades: Debian's opencv-data (/usr/share/opencv4), or share/opencv4 of the prefix OpenCV
# was installed to (the Windows cross build).
set(_tucai_cv_roots "${OpenCV_INSTALL_PATH}" "${OpenCV_DIR}/../../.." "${OpenCV_DIR}/../../../..")
find_path(TUCAI_HAAR_DIR haarcascade_frontalface_alt2.xml
  HINTS ${_tucai_cv_roots}
  PATH_SUFFIXES share/opencv4/haarcascades share/opencv/haarcascades etc/haarcascades
  NO_CMAKE_FIND_ROOT_PATH)
find_path(TUCAI_LBP_DIR lbpcascade_frontalface_improved.xml
  HINTS ${_tucai_cv_roots}
  PATH_SUFFIXES share/opencv4/lbpcascades share/opencv/lbpcascades etc/lbpcascades
  NO_CMAKE_FIND_ROOT_PATH)
if(NOT TUCAI_HAAR_DIR OR NOT TUCAI_LBP_DIR)
  message(FATAL_ERROR "OpenCV's cascade files were not found (Debian: install opencv-data); "
                      "set TUCAI_HAAR_DIR and TUCAI_LBP_DIR to their folders")
endif()
foreach(f haarcascade_frontalface_alt2.xml haarcascade_frontalface_default.xml haarcascade_eye.xml
          haarcascade_eye_tree_eyeglasses.xml)
  tucai_data_file("${TUCAI_HAAR_DIR}/${f}" haarcascades)
endforeach()
tucai_data_file("${TUCAI_LBP_DIR}/lbpcascade_frontalface_improved.xml" lbpcascades)

# dlib's 68-point face landmark model (Debian's libdlib-data, 100 MB). The Windows build passes the
# same file with -DTUCAI_DLIB_MODEL. Licence: see THIRD-PARTY-NOTICES.md (CC0 in Debian; the iBUG 300-W
# training images exclude commercial use).
set(TUCAI_DLIB_MODEL "/usr/share/dlib/shape_predictor_68_face_landmarks.dat" CACHE FILEPATH
    "dlib's shape_predictor_68_face_landmarks.dat (Debian: libdlib-data)")
if(NOT EXISTS "${TUCAI_DLIB_MODEL}")
  message(FATAL_ERROR "dlib's landmark model ${TUCAI_DLIB_MODEL} was not found (Debian: install "
                      "libdlib-data); set TUCAI_DLIB_MODEL to the .dat file")
endif()
get_filename_component(_tucai_dlib_model_name "${TUCAI_DLIB_MODEL}" NAME)
if(NOT _tucai_dlib_model_name STREQUAL "shape_predictor_68_face_landmarks.dat")
  message(FATAL_ERROR "TUCAI_DLIB_MODEL must name shape_predictor_68_face_landmarks.dat")
endif()
tucai_data_file("${TUCAI_DLIB_MODEL}" dlib)

# The notices for what the programs ship in their data folder (the landmark model's training-data
# note above all).
if(WIN32)
  install(FILES "${CMAKE_SOURCE_DIR}/THIRD-PARTY-NOTICES.md" DESTINATION ".")
else()
  install(FILES "${CMAKE_SOURCE_DIR}/THIRD-PARTY-NOTICES.md" DESTINATION "share/doc/tucai-admin")
endif()
