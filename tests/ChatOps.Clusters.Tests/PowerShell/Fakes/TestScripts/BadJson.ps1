# Test script: exits 0 but writes no JSON document.
Write-Output 'WARNING: this is not JSON'
