#!/bin/sh
echo {{verbatim}}
