#!/bin/sh
echo "demo update applied"
