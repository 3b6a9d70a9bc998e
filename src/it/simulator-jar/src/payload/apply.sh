#!/bin/sh
echo "rehearsal update applied"
