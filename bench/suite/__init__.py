# SPDX-License-Identifier: MIT
"""The benchmark suite's sections; bench/run.py runs them and prints one table."""
