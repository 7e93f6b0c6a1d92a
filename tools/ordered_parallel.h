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
  std::vector<Slot> slots(window);  // item i lives in slots[i % window]
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next = 0;      // the next item a worker takes
  std::size_t consumed = 0;  // items the consumer has finished with
  bool stop = false;         // an error was found, or the consumer failed

  auto work = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || next >= count || next < consumed + window; });
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
      {
        std::lock_guard lock(mutex);
        slots[i % window] = std::move(slot);
        if (slots[i % window].error) stop = true;  // nothing after it will be consumed
      }
      changed.notify_all();
    }
  };

  std::vector<std::thread> workers;
  const unsigned n = static_cast<unsigned>(std::min<std::size_t>(jobs, count));
  workers.reserve(n);
  for (unsigned t = 0; t < n; ++t) workers.emplace_back(work);

  std::exception_ptr failure;
  for (std::size_t i = 0; i < count; ++i) {
    Slot slot;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return slots[i % window].done; });
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
    }
    changed.notify_all();
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
  }
  changed.notify_all();
  for (auto& w : workers) w.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace dateline
