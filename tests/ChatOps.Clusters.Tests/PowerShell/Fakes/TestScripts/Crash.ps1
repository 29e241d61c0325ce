# Test script: an unhandled error with no JSON, as a broken script would give.
throw 'Something unexpected broke.'
