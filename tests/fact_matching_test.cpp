// The pure rules of merging: predicate families, topics, amounts, times, and what a different
// time means for a scheduled fact or an event.

#include "fact_matching.h"

#include <catch2/catch.hpp>

using namespace dateline;
using namespace dateline::engine;

namespace {

Subject subject(std::vector<std::string> families, std::string topic, std::vector<std::string> entities) {
  Subject s;
  s.families = std::move(families);
  s.topic = normalize_topic(topic);
  s.entities = entities;
  s.all_entities = entities;
  return s;
}

TimedReport report(const char* time, ClaimStatus status, const char* reported, std::int64_t text) {
  TimedReport r;
  if (time) r.time = parse_time_value(time);
  r.status = status;
  if (reported) r.reported = parse_iso_date(reported);
  r.text = text;
  return r;
}

}  // namespace

TEST_CASE("the predicate table groups predicates into families and kinds") {
  CHECK(predicate_info("talks").family == "meeting");
  CHECK(predicate_info("deadline").kind == PredicateKind::Scheduled);
  CHECK(predicate_info("sale").kind == PredicateKind::Event);
  CHECK(predicate_info("extension").revises == "deadline");
  // Unknown predicates are their own family, events.
  CHECK(predicate_info("coronation").family == "coronation");
  CHECK(predicate_info("coronation").kind == PredicateKind::Event);
}

TEST_CASE("topics are compared by their words, not their spelling") {
  CHECK(normalize_topic("The TikTok divestment") == "tiktok divestment");
  CHECK(normalize_topic("TikTok's divestment!") == "tiktok divestment");
  CHECK(normalize_topic("sale-or-ban law") == "sale-or-ban law");
  CHECK(topic_similarity("tiktok divestment", "tiktok divestment") == 1.0);
  CHECK(topic_similarity("tiktok divestment", "tiktok divestment law") == Approx(0.8));
  CHECK(topic_similarity("nasams sale", "f-16 sale") == Approx(0.5));
  CHECK(topic_similarity("nasams sale", "") == 0.0);
}

TEST_CASE("amounts agree as news rounds them, in the same unit only") {
  CHECK(amounts_agree(Amount{{}, 4.67e9, "USD", false}, Amount{{}, 4.7e9, "USD", false}));
  CHECK_FALSE(amounts_agree(Amount{{}, 4.67e9, "USD", false}, Amount{{}, 5.2e9, "USD", false}));
  CHECK_FALSE(amounts_agree(Amount{{}, 4.67e9, "USD", false}, Amount{{}, 4.67e9, "EUR", false}));
  CHECK(amounts_agree(Amount{{}, 26, "count", true}, Amount{{}, 28, "count", false}));
}

TEST_CASE("same subject: a family in common and the same topic or specific entities") {
  const Subject nasams = subject({"sale"}, "NASAMS sale", {"Egypt", "NASAMS"});
  CHECK(same_subject(nasams, subject({"sale"}, "the NASAMS sale", {"Egypt"})));
  CHECK(same_subject(subject({"approval", "sale"}, "NASAMS sale", {"Egypt"}), nasams));  // "approved the sale"
  CHECK_FALSE(same_subject(nasams, subject({"sale"}, "F-16 jets", {"Egypt"})));        // other topic
  CHECK_FALSE(same_subject(nasams, subject({"ruling"}, "NASAMS sale", {"Egypt"})));    // other family
  // A named topic decides whatever names each sentence adds; one of common words needs them.
  Subject deadline = subject({"deadline"}, "TikTok divestment", {"ByteDance"});
  deadline.topic_names = topic_names("TikTok divestment");
  Subject later = subject({"deadline"}, "TikTok divestment", {"Donald Trump"});
  later.topic_names = topic_names("TikTok divestment");
  CHECK(same_subject(deadline, later));
  Subject other = subject({"deadline"}, "Lumio divestment", {"ByteDance"});
  other.topic_names = topic_names("Lumio divestment");
  CHECK_FALSE(same_subject(deadline, other));
  CHECK_FALSE(same_subject(subject({"signing"}, "treaty", {"Peru"}), subject({"signing"}, "treaty", {"Chile"})));
  CHECK(topic_names("TikTok divestment") == std::vector<std::string>{"tiktok"});
  CHECK(topic_names("Egypt–China drills") == std::vector<std::string>{"egypt–china"});
  CHECK(topic_names("sale-or-ban law").empty());
  // The same named topic for other buyers: other sales.
  Subject to_brazil = subject({"approval", "sale"}, "Egypt sale", {"Egypt", "Brazil"});
  to_brazil.topic_names = topic_names("Egypt sale");
  to_brazil.recipients = {"Brazil"};
  Subject to_peru = to_brazil;
  to_peru.recipients = {"Peru"};
  CHECK_FALSE(same_subject(to_brazil, to_peru));
  Subject unnamed_buyer = to_brazil;
  unnamed_buyer.recipients.clear();
  CHECK(same_subject(to_brazil, unnamed_buyer));
  // Without a topic on one side, the specific entities decide.
  CHECK(same_subject(nasams, subject({"sale"}, "", {"NASAMS", "Egypt", "RTX"})));
  CHECK_FALSE(same_subject(nasams, subject({"sale"}, "", {"Qatar", "RTX", "Oman"})));
  // Nothing to go on: never the same.
  CHECK_FALSE(same_subject(subject({"sale"}, "", {}), subject({"sale"}, "", {})));
}

TEST_CASE("time fit: containment is the same time at another granularity") {
  auto t = [](const char* v) { return std::optional<TimeValue>(parse_time_value(v)); };
  CHECK(time_fit(t("2025-01"), t("2025-01-19")) == TimeFit::Same);
  CHECK(time_fit(t("2025-01-19"), t("2025-01-19")) == TimeFit::Same);
  CHECK(time_fit(t("2025-01-19"), t("2025-09-17")) == TimeFit::Different);
  CHECK(time_fit(std::nullopt, t("2025-09-17")) == TimeFit::Undated);
  CHECK(time_fit(t("P2W"), t("2025-09-17")) == TimeFit::Undated);
  CHECK(finer_time(*t("2025-01"), *t("2025-01-19")).value == "2025-01-19");
  CHECK(finer_time(*t("2025-01-19"), *t("2025-01")).value == "2025-01-19");
}

TEST_CASE("a later report moves a scheduled fact, the same day from another outlet contradicts") {
  const auto old = report("2025-01-19", ClaimStatus::Scheduled, "2025-01-05", 1);
  CHECK(classify_time_change(PredicateKind::Scheduled, old, report("2025-04-05", ClaimStatus::Scheduled, "2025-01-20", 2)) ==
        TimeChange::Revision);
  CHECK(classify_time_change(PredicateKind::Scheduled, old, report("2025-01-26", ClaimStatus::Scheduled, "2025-01-05", 2)) ==
        TimeChange::Contradiction);
  // One text naming two future days for the same topic: two deadlines, not a revision.
  CHECK(classify_time_change(PredicateKind::Scheduled, old, report("2025-02-01", ClaimStatus::Scheduled, "2025-01-05", 1)) ==
        TimeChange::OtherFact);
  // One text with a past value beside a future one: the old and the new.
  const auto original = report("2025-01-19", ClaimStatus::Scheduled, "2025-07-18", 3);
  CHECK(classify_time_change(PredicateKind::Scheduled, original,
                             report("2025-09-17", ClaimStatus::Scheduled, "2025-07-18", 3)) == TimeChange::Revision);
  // Marked superseded by the extractor ("originally set for").
  CHECK(classify_time_change(PredicateKind::Scheduled, report("2025-05-10", ClaimStatus::Superseded, "2025-05-01", 4),
                             report("2025-05-20", ClaimStatus::Scheduled, "2025-05-01", 4)) == TimeChange::Revision);
}

TEST_CASE("events at other times are other events, unless same-day reports disagree on the day") {
  const auto held = report("2025-07-22", ClaimStatus::Occurred, "2025-07-24", 1);
  CHECK(classify_time_change(PredicateKind::Event, held, report("2025-07-23", ClaimStatus::Occurred, "2025-07-24", 2)) ==
        TimeChange::Contradiction);
  CHECK(classify_time_change(PredicateKind::Event, held, report("2025-07-23", ClaimStatus::Occurred, "2025-08-30", 2)) ==
        TimeChange::OtherFact);
  CHECK(classify_time_change(PredicateKind::Event, held, report("2024", ClaimStatus::Occurred, "2025-07-24", 2)) ==
        TimeChange::OtherFact);  // a year is not precise enough to contradict a day
  // An event both reports place ahead moves like a deadline ("must sign by March 31", then June 30).
  CHECK(classify_time_change(PredicateKind::Event, report("2025-03-31", ClaimStatus::Scheduled, "2025-02-03", 1),
                             report("2025-06-30", ClaimStatus::Scheduled, "2025-05-12", 2)) == TimeChange::Revision);
  // Two meetings that both took place, reported on different days: two meetings.
  CHECK(classify_time_change(PredicateKind::Scheduled, held, report("2025-07-29", ClaimStatus::Occurred, "2025-07-30", 2)) ==
        TimeChange::OtherFact);
}
