# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target carries the language level, warnings and Qt hygiene defines, so every
# library, executable and test is built the same way.
add_library(gerbang_options INTERFACE)
target_compile_features(gerbang_options INTERFACE cxx_std_20)
target_compile_options(gerbang_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local
                                                 -Wnon-virtual-dtor -Wcast-align)
if(GERBANG_WERROR)
  target_compile_options(gerbang_options INTERFACE -Werror)
endif()
target_compile_definitions(gerbang_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_FOREACH
  QT_NO_KEYWORDS
  QT_USE_QSTRINGBUILDER
  QT_STRICT_ITERATORS
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  GERBANG_VERSION="${PROJECT_VERSION}")
if(GERBANG_SANITIZE)
  target_compile_options(gerbang_options INTERFACE -fsanitize=address,undefined
                                                   -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(gerbang_options INTERFACE -fsanitize=address,undefined)
endif()
