# Test script: fails the way the ChatOps scripts do, with a JSON error on stderr.
[Console]::Error.WriteLine('{"error":{"kind":"AccessDenied","message":"Access is denied for CONTOSO\\chatops$."}}')
exit 2
