// Each test boots its own host; Quartz keeps its logger in a static, so hosts run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
