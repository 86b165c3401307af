// Decide allocates nothing once its Decision has served a case of the same law: the
// claim decide.h makes, checked by counting every operator new in this process. A
// binary of its own, because it replaces the global allocation functions.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "ibsa/ibsa.h"

namespace {
std::atomic<long> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new[](std::size_t size, const std::nothrow_t& t) noexcept { return operator new(size, t); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace ibsa {
namespace {

TEST(DecideAllocationTest, AReusedDecisionAllocatesNothing) {
  const std::string root = IBSA_SOURCE_DIR;
  auto vocabulary = Vocabulary::Load(root + "/rulesets/facts.yaml");
  auto law = Law::Load(root + "/rulesets", vocabulary.value());
  ASSERT_TRUE(law.ok());
  std::vector<Case> cases;
  for (const auto& file : FindCaseFiles(root + "/cases")) {
    cases.push_back(Case::Load(file, vocabulary.value()).value());
  }
  Decision decision;
  const EvaluationOptions options;
  for (const Case& c : cases) ASSERT_TRUE(Decide(law.value(), c, options, decision).ok());
  const long before = allocations.load();
  for (const Case& c : cases) ASSERT_TRUE(Decide(law.value(), c, options, decision).ok());
  EXPECT_EQ(allocations.load() - before, 0) << "over " << cases.size() << " cases";
}

}  // namespace
}  // namespace ibsa
