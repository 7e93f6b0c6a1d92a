#pragma once
// Runs produce(i) for i in [0, count) on `jobs` threads and hands each result to consume(i, r)
// on the calling thread, in index order: the output of `-j N` is byte for byte that of `-j 1`.
//
// Memory stays bounded: a worker does not start item i until the consumer has taken item
// i - window, so at most `window` results wait at any time whatever the input size.
// An exception from produce(i) is rethrown by the consumer when it reaches i, after the
// results of every earlier item, as a single-threaded loop would; later items are abandoned.

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace dateline {

// The default for -j: the number of cores, at least one.
inline unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

template <typename Result, typename Produce, typename Consume>
void ordered_parallel(std::size_t count, unsigned jobs, Produce produce, Consume consume) {
  if (jobs <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) consume(i, produce(i));
    return;
  }
  struct Slot {
    std::optional<Result> result;
    std::exception_ptr error;
    bool done = false;
  };
  const std::size_t window = std::size_t{jobs} * 4;
  // The consumer sleeps until the next `batch` items are all done, not until the next one is:
  // news articles are small files, and waking the consumer for each one (and the worker that
  // finished it for nothing) cost a context switch per file, a third of the system time of
  // `extract -j 2` on a directory of articles. Workers are not held up: they may run `window`
  // items ahead of the consumer, twice the batch.
  const std::size_t batch = std::max<std::size_t>(1, window / 2);
  std::vector<Slot> slots(window);  // item i lives in slots[i % window]
  std::mutex mutex;
  std::condition_variable ready;  // the consumer waits here for a batch of results
  std::condition_variable space;  // workers wait here for room in the window
  std::size_t next = 0;           // the next item a worker takes
  std::size_t consumed = 0;       // items the consumer has finished with
  std::size_t awaited = 0;        // while the consumer sleeps: the end of the items it waits for
  bool consumer_waiting = false;
  unsigned workers_waiting = 0;
  bool stop = false;  // an error was found, or the consumer failed

  // Whether items [from, to) are all done; under the lock.
  auto all_done = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      if (!slots[k % window].done) return false;
    }
    return true;
  };

  auto work = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(mutex);
        ++workers_waiting;
        space.wait(lock, [&] { return stop || next >= count || next < consumed + window; });
        --workers_waiting;
        if (stop || next >= count) return;
        i = next++;
      }
      Slot slot;
      try {
        slot.result.emplace(produce(i));
      } catch (...) {
        slot.error = std::current_exception();
      }
      slot.done = true;
      bool wake = false;
      {
        std::lock_guard lock(mutex);
        slots[i % window] = std::move(slot);
        if (slots[i % window].error) stop = true;  // nothing after it will be consumed
        // An error ends the consumer's wait at once: it reaches the failed item in order.
        wake = consumer_waiting && (stop || all_done(consumed, awaited));
      }
      if (wake) ready.notify_one();
      if (stop) space.notify_all();
    }
  };

  std::vector<std::thread> workers;
  const unsigned n = static_cast<unsigned>(std::min<std::size_t>(jobs, count));
  workers.reserve(n);
  for (unsigned t = 0; t < n; ++t) workers.emplace_back(work);

  std::exception_ptr failure;
  std::size_t known_done = 0;  // items before this are done: take them without waiting
  for (std::size_t i = 0; i < count; ++i) {
    Slot slot;
    bool wake_workers = false;
    {
      std::unique_lock lock(mutex);
      if (i >= known_done) {
        awaited = std::min(count, i + batch);
        consumer_waiting = true;
        ready.wait(lock, [&] { return slots[i % window].done && (stop || all_done(i, awaited)); });
        consumer_waiting = false;
        known_done = i + 1;
        while (known_done < count && known_done < i + window && slots[known_done % window].done) ++known_done;
      }
      slot = std::move(slots[i % window]);
      slots[i % window] = Slot{};
    }
    if (slot.error) {
      failure = slot.error;
      break;
    }
    try {
      consume(i, std::move(*slot.result));
    } catch (...) {
      failure = std::current_exception();
      break;
    }
    {
      std::lock_guard lock(mutex);
      consumed = i + 1;
      // Workers asleep on a full window are woken once a batch of room is free, not for each
      // item: when the consumer is the slow side (`ingest`: one store writer), a wake per item
      // was a futex call on its critical path. They still refill in time: the window then holds
      // another batch of finished items for the consumer to take meanwhile.
      wake_workers = workers_waiting > 0 && consumed + window - next >= batch;
    }
    if (wake_workers) space.notify_all();
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
  }
  space.notify_all();
  for (auto& w : workers) w.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace dateline
