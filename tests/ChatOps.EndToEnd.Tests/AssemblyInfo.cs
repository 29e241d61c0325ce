// Each test boots its own host, and several time what they see: hosts run one at a time on the 2-core CI machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
