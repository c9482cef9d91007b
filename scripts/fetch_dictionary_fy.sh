#!/usr/bin/env bash
# The Frisian hunspell dictionary of the Fryske Akademy (npm package dictionary-fy, GPL-3.0)
# for the spelling check of the Frisian bot texts (tests/bot/test_texts_fy.py), fetched at test
# time and never kept in the repository. Prints the directory with index.aff and index.dic;
# hunspell takes it as `-d <directory>/index`.
# Updating: change the version, run `npm pack dictionary-fy@VERSION`, and put the sha256sums
# of package/index.aff, index.dic and license below.
set -euo pipefail
"$(dirname "$0")/fetch_npm_files.sh" dictionary-fy 1.1.2 \
  index.aff=8eace0ccacec1d508d3267064aa665724712dbded65043d775a14be5a79ddbe5 \
  index.dic=5cc839a5dce2c0e54b2da7bb5a66d4c59b980438c7964b11e1c8b834f322b7f9 \
  license=3972dc9744f6499f0f9b2dbf76696f2ae7ad8af9b23dde66d6af86c9dfb36986
