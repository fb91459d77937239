import JournalCLI
#if os(Linux)
import CMalloc

// A read folds tens of thousands of events through arrays that grow by doubling. glibc serves every block over
// 128 KiB with a fresh mmap, so each growth faults in new zeroed pages (a third of a long journal's read time);
// kept in the heap, freed blocks are reused instead. 32 MiB is glibc's ceiling for this threshold.
mallopt(M_MMAP_THRESHOLD, 32 << 20)
mallopt(M_TRIM_THRESHOLD, 64 << 20)
#endif
JournalMain.run()
