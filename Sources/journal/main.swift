import JournalCLI
#if os(Linux)
import CMalloc
import Glibc

// A read folds tens of thousands of events through arrays that grow by doubling. glibc serves every block over
// 128 KiB with a fresh mmap, so each growth faults in new zeroed pages (a third of a long journal's read time);
// kept in the heap, freed blocks are reused instead. 32 MiB is glibc's ceiling for this threshold.
mallopt(M_MMAP_THRESHOLD, 32 << 20)
mallopt(M_TRIM_THRESHOLD, 128 << 20)

/// Lets the heap be backed by 2 MiB pages where the kernel allows it (transparent huge pages in "madvise"
/// mode), as glibc's `glibc.malloc.hugetlb=1` tunable does: a read of a long journal touches tens of MiB of
/// fresh heap, and a fault per 4 KiB page was an eighth of its time. The heap grows by 64 MiB of address
/// space at a time; only what is touched is ever backed by memory.
func preferHugePagesForTheHeap() {
    let hugePage = 2 << 20
    mallopt(M_TOP_PAD, 64 << 20)
    let start = Int(bitPattern: sbrk(0))
    // The heap grows now, by the new pad. (The size query keeps the compiler from dropping an unused
    // malloc-free pair, as it may.)
    if let block = malloc(1 << 20) {
        guard malloc_usable_size(block) > 0 else { return free(block) }
        free(block)
    }
    let end = Int(bitPattern: sbrk(0))
    guard start != -1, end != -1 else { return }
    let first = (start + hugePage - 1) & ~(hugePage - 1), last = end & ~(hugePage - 1)
    if last > first { _ = madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, MADV_HUGEPAGE) }
}

// Not for `journal log` nor the shell's completion requests: they allocate little, and their whole run is a few
// milliseconds.
if !["log", "---completion"].contains(CommandLine.arguments.dropFirst().first) { preferHugePagesForTheHeap() }
#endif
JournalMain.run()
