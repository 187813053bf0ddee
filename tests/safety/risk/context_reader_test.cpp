// The context reader: its table decodes and keeps the promise its thresholds were set by, its trainer
// learns what a bag of words cannot (the order of words), long texts are read in windows, and a damaged
// table is refused with a message that says what was wrong.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "labelled_texts_test_helpers.h"
#include "risk_test_helpers.h"
#include "safety/risk/assessor.h"
#include "safety/risk/context_reader.h"
#include "safety/risk/context_reader_training.h"
#include "safety/text/normalize.h"

namespace haven::safety::risk {
namespace {

using test::files_starting;

std::vector<LabelledText> read_texts(const std::vector<std::string>& files) { return test::read_labelled_texts(files); }

size_t words_of(const std::vector<text::Token>& tokens) {
  return static_cast<size_t>(std::count_if(tokens.begin(), tokens.end(), [](const text::Token& t) { return !t.is_boundary(); }));
}

TEST(Base64, RoundTripsEveryLengthAndRefusesBadText) {
  std::string bytes;
  for (int n = 0; n < 40; ++n) {
    Result<std::string> back = base64_decode(base64_encode(bytes));
    ASSERT_TRUE(back.is_ok()) << back.status().message();
    EXPECT_EQ(back.value(), bytes);
    bytes.push_back(static_cast<char>(n * 37 + 200));
  }
  EXPECT_EQ(base64_encode("Man"), "TWFu");
  EXPECT_EQ(base64_encode("Ma"), "TWE=");
  Result<std::string> odd = base64_decode("TWF");
  ASSERT_FALSE(odd.is_ok());
  EXPECT_NE(odd.status().message().find("multiple of 4"), std::string::npos) << odd.status().message();
  Result<std::string> bad = base64_decode("TW*u");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_NE(bad.status().message().find("offset 2"), std::string::npos) << bad.status().message();
  EXPECT_FALSE(base64_decode("TQ==TWFu").is_ok());  // padding only at the end
  for (const char* bad_padding : {"====", "A===", "TQ=A", "=AAA"}) EXPECT_FALSE(base64_decode(bad_padding).is_ok()) << bad_padding;
}

// A small network with recognisable numbers, for the table format.
ContextModel numbered_model() {
  ContextModel m;
  m.embeddings.resize(size_t{kContextBuckets} * kContextDim);
  for (size_t i = 0; i < m.embeddings.size(); ++i) m.embeddings[i] = static_cast<int8_t>(static_cast<int>(i % 255) - 127);
  m.embedding_scale.resize(kContextBuckets);
  for (size_t b = 0; b < kContextBuckets; ++b) m.embedding_scale[b] = static_cast<float>(b) / 1024.0f;
  m.filters.resize(kContextFilters * kContextWidth * kContextDim);
  for (size_t i = 0; i < m.filters.size(); ++i) m.filters[i] = static_cast<float>(i) * 0.001f - 1.0f;
  m.filter_bias.assign(kContextFilters, 0.25f);
  m.output.assign(kContextFilters, -0.5f);
  m.output_bias = 0.125f;
  m.threshold = 0.75f;
  m.confident_threshold = 0.9f;
  return m;
}

TEST(ContextTable, DecodesWhatItEncoded) {
  const ContextModel m = numbered_model();
  Result<ContextModel> back = decode_context_model(encode_context_model(m));
  ASSERT_TRUE(back.is_ok()) << back.status().message();
  EXPECT_EQ(back->embeddings, m.embeddings);
  EXPECT_EQ(back->embedding_scale, m.embedding_scale);
  EXPECT_EQ(back->filters, m.filters);
  EXPECT_EQ(back->filter_bias, m.filter_bias);
  EXPECT_EQ(back->output, m.output);
  EXPECT_EQ(back->output_bias, m.output_bias);
  EXPECT_EQ(back->threshold, m.threshold);
  EXPECT_EQ(back->confident_threshold, m.confident_threshold);
}

TEST(ContextTable, QuantizesEachEmbeddingToWithinHalfAStep) {
  std::vector<float> values(size_t{kContextBuckets} * kContextDim);
  for (size_t i = 0; i < values.size(); ++i) values[i] = std::sin(static_cast<float>(i)) * static_cast<float>(i % 7);
  ContextModel m;
  set_embeddings(m, values);
  for (size_t row = 0; row < kContextBuckets; ++row) {
    float largest = 0;
    for (size_t d = 0; d < kContextDim; ++d) largest = std::max(largest, std::fabs(values[row * kContextDim + d]));
    for (size_t d = 0; d < kContextDim; ++d) {
      const size_t i = row * kContextDim + d;
      ASSERT_NEAR(m.embedding_scale[row] * m.embeddings[i], values[i], largest / 127.0f * 0.51f) << "row " << row;
    }
  }
}

TEST(ContextTable, RefusesATableOfTheWrongSizeMagicOrNumbers) {
  const std::string good = encode_context_model(numbered_model());
  Result<ContextModel> shorter = decode_context_model(good.substr(0, good.size() - 1));
  ASSERT_FALSE(shorter.is_ok());
  EXPECT_EQ(shorter.status().code(), StatusCode::kCorruption);
  EXPECT_NE(shorter.status().message().find("expected " + std::to_string(good.size()) + " bytes"), std::string::npos)
      << shorter.status().message();
  std::string magic = good;
  magic[3] = '2';
  EXPECT_FALSE(decode_context_model(magic).is_ok());
  std::string nan = good;
  const float bad = NAN;
  std::memcpy(&nan[4], &bad, 4);  // the output bias
  std::string negative_scale = good;
  const float minus = -1.0f;
  std::memcpy(&negative_scale[good.size() - kContextDim - 4], &minus, 4);  // the last embedding's scale
  Result<ContextModel> negative = decode_context_model(negative_scale);
  ASSERT_FALSE(negative.is_ok());
  EXPECT_NE(negative.status().message().find("embedding 65535"), std::string::npos) << negative.status().message();
  Result<ContextModel> not_finite = decode_context_model(nan);
  ASSERT_FALSE(not_finite.is_ok());
  EXPECT_NE(not_finite.status().message().find("non-finite"), std::string::npos) << not_finite.status().message();
  EXPECT_FALSE(decode_context_model("").is_ok());
}

TEST(ContextEnsembleTable, DecodesWhatItEncoded) {
  ContextEnsemble e;
  e.members = {numbered_model(), numbered_model()};
  e.members[1].output_bias = -2.0f;
  e.threshold = 0.625f;
  e.confident_threshold = 0.875f;
  Result<ContextEnsemble> back = decode_context_ensemble(encode_context_ensemble(e));
  ASSERT_TRUE(back.is_ok()) << back.status().message();
  ASSERT_EQ(back->members.size(), 2u);
  EXPECT_EQ(back->threshold, e.threshold);
  EXPECT_EQ(back->confident_threshold, e.confident_threshold);
  EXPECT_EQ(back->members[0].output_bias, 0.125f);
  EXPECT_EQ(back->members[1].output_bias, -2.0f);
  EXPECT_EQ(back->members[1].embeddings, e.members[1].embeddings);
}

TEST(ContextEnsembleTable, RefusesAWrongCountSizeOrMember) {
  ContextEnsemble e;
  e.members = {numbered_model(), numbered_model()};
  const std::string good = encode_context_ensemble(e);
  Result<ContextEnsemble> shorter = decode_context_ensemble(good.substr(0, good.size() - 1));
  ASSERT_FALSE(shorter.is_ok());
  EXPECT_EQ(shorter.status().code(), StatusCode::kCorruption);
  EXPECT_NE(shorter.status().message().find("for 2 members"), std::string::npos) << shorter.status().message();
  std::string none = good;
  none[4] = 0;  // the member count's low byte
  Result<ContextEnsemble> empty = decode_context_ensemble(none);
  ASSERT_FALSE(empty.is_ok());
  EXPECT_NE(empty.status().message().find("found 0"), std::string::npos) << empty.status().message();
  std::string magic = good;
  magic[2] = 'R';
  EXPECT_FALSE(decode_context_ensemble(magic).is_ok());
  // A single network's table is not an ensemble's.
  EXPECT_FALSE(decode_context_ensemble(encode_context_model(numbered_model())).is_ok());
  std::string second = good;
  const float bad = NAN;
  std::memcpy(&second[good.size() - encode_context_model(numbered_model()).size() + 4], &bad, 4);  // member 1's bias
  Result<ContextEnsemble> member = decode_context_ensemble(second);
  ASSERT_FALSE(member.is_ok());
  EXPECT_NE(member.status().message().find("member 1"), std::string::npos) << member.status().message();
  EXPECT_FALSE(decode_context_ensemble("").is_ok());
}

// The plain reference of the network: token vectors, filters and pooling written as the header's formulas,
// one multiply-add at a time.
std::vector<float> reference_responses(const std::vector<float>& x, size_t count, const ContextModel& m) {
  std::vector<float> z(count * kContextFilters);
  for (size_t t = 0; t < count; ++t)
    for (size_t k = 0; k < kContextFilters; ++k) {
      double sum = m.filter_bias[k];
      for (size_t j = 0; j < kContextWidth; ++j) {
        const ptrdiff_t p = static_cast<ptrdiff_t>(t + j) - static_cast<ptrdiff_t>(kContextWidth / 2);
        if (p < 0 || p >= static_cast<ptrdiff_t>(count)) continue;
        for (size_t d = 0; d < kContextDim; ++d)
          sum += double{m.filters[(k * kContextWidth + j) * kContextDim + d]} * x[static_cast<size_t>(p) * kContextDim + d];
      }
      z[t * kContextFilters + k] = static_cast<float>(sum);
    }
  return z;
}

// The probability of each window of kContextMaxTokens tokens starting every half window, the last ending
// at the text's end.
std::vector<double> reference_window_probabilities(const std::vector<text::Token>& tokens, const ContextModel& m) {
  std::vector<float> x(tokens.size() * kContextDim, 0.0f);
  for (size_t t = 0; t < tokens.size(); ++t) {
    std::vector<uint32_t> buckets;
    context_token_features(tokens[t].text, buckets);
    for (uint32_t b : buckets)
      for (size_t d = 0; d < kContextDim; ++d)
        x[t * kContextDim + d] += m.embedding_scale[b] * m.embeddings[b * kContextDim + d] / static_cast<float>(buckets.size());
  }
  const std::vector<float> z = reference_responses(x, tokens.size(), m);
  std::vector<double> out;
  for (size_t begin = 0;; begin += kContextMaxTokens / 2) {
    const size_t end = std::min(tokens.size(), begin + kContextMaxTokens);
    double logit = m.output_bias;
    for (size_t k = 0; k < kContextFilters; ++k) {
      float most = 0.0f;
      for (size_t t = begin; t < end; ++t) most = std::max(most, z[t * kContextFilters + k]);
      logit += double{m.output[k]} * most;
    }
    out.push_back(1.0 / (1.0 + std::exp(-logit)));
    if (end == tokens.size()) break;
  }
  return out;
}

float reference_probability(const std::vector<text::Token>& tokens, const ContextModel& m) {
  const std::vector<double> p = reference_window_probabilities(tokens, m);
  return static_cast<float>(*std::max_element(p.begin(), p.end()));
}

// An ensemble's: the members' mean in each window, the most worrying window.
float reference_probability(const std::vector<text::Token>& tokens, const ContextEnsemble& e) {
  std::vector<double> mean;
  for (const ContextModel& m : e.members) {
    const std::vector<double> p = reference_window_probabilities(tokens, m);
    mean.resize(p.size(), 0.0);
    for (size_t w = 0; w < p.size(); ++w) mean[w] += p[w] / static_cast<double>(e.members.size());
  }
  return static_cast<float>(*std::max_element(mean.begin(), mean.end()));
}

TEST(ContextKernels, EachKernelMatchesThePlainReference) {
  const ContextModel& m = shipped_context_reader().members.front();
  for (size_t count : {1u, 2u, 7u, 64u, 513u}) {  // odd and even counts: tokens go through in pairs
    std::vector<float> x(count * kContextDim);
    for (size_t i = 0; i < x.size(); ++i) x[i] = std::sin(static_cast<float>(i) * 0.37f) * 0.3f;
    const std::vector<float> want = reference_responses(x, count, m);
    std::vector<ContextKernel> kernels = {ContextKernel::kFourWide};
    if (context_eight_wide_available()) kernels.push_back(ContextKernel::kEightWide);
    for (ContextKernel kernel : kernels) {
      const std::vector<float> got = context_filter_responses(x, count, m, kernel);
      ASSERT_EQ(got.size(), want.size());
      for (size_t i = 0; i < want.size(); ++i)
        ASSERT_NEAR(got[i], want[i], 1e-4f * (1.0f + std::fabs(want[i])))
            << "kernel " << static_cast<int>(kernel) << ", " << count << " tokens, value " << i;
    }
  }
}

TEST(ContextKernels, TheReaderGivesThePlainReferencesProbability) {
  for (const char* t : {"Went to the chemist twice today. Two different ones so nobody would ask questions.",
                        "Tried knitting tonight. Produced something between a scarf and a tangle. Will continue.",
                        "i dont think ill be here by summer and honestly that feels like relief"}) {
    const auto tokens = text::tokenize(t);
    EXPECT_NEAR(score_context(tokens).probability, reference_probability(tokens, shipped_context_reader()), 1e-4f) << t;
  }
}

// The shipped table is a real one, and at its threshold at most the documented share of the validation
// files' label-0 texts fire: the table and the thresholds written with it belong together.
TEST(ShippedContextReader, KeepsItsValidationPromise) {
  const ContextEnsemble& m = shipped_context_reader();
  ASSERT_EQ(m.members.size(), kContextMembers);
  ASSERT_LT(m.threshold, 1.0f) << "the shipped table did not decode: regenerate it with haven safety train-ideation --model context";
  ASSERT_LT(m.confident_threshold, 1.0f);
  EXPECT_GE(m.confident_threshold, m.threshold);
  const std::vector<LabelledText> validation = read_texts(files_starting("classifier", "validation"));
  ASSERT_GT(validation.size(), 500u);
  size_t negatives = 0, false_alarms = 0, positives = 0, found = 0;
  for (const LabelledText& t : validation) {
    const auto tokens = text::tokenize(t.text);
    if (words_of(tokens) < kContextMinWords) continue;
    const ContextResult r = score_context(tokens);
    if (t.positive) {
      ++positives;
      found += r.fires;
    } else {
      ++negatives;
      false_alarms += r.fires;
    }
  }
  EXPECT_LE(false_alarms, static_cast<size_t>(kContextMaxValidationFalsePositiveRate * negatives) + 1)
      << false_alarms << " of " << negatives;
  // 0.903 when it was trained; a table that lost its reading would fall far below.
  EXPECT_GE(static_cast<double>(found) / positives, 0.80) << found << " of " << positives;
}

TEST(ShippedContextReader, ShortTextsScoreZero) {
  const auto tokens = text::tokenize("i want to die");
  ASSERT_LT(words_of(tokens), kContextMinWords);
  EXPECT_EQ(score_context(tokens).probability, 0.0f);
}

// Texts a bag of words cannot tell apart: the same words, in an order that matters. Positives have
// "alpha" right before "omega" somewhere among filler words; negatives have both, never adjacent in that order.
std::vector<LabelledText> ordered_texts(size_t count, uint64_t seed) {
  static const char* kFiller[] = {"the", "day", "was", "long", "and", "we", "walked", "home", "slowly", "after",
                                  "dinner", "with", "friends", "then", "slept"};
  std::vector<LabelledText> out;
  uint64_t s = seed;
  auto next = [&s] {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>(s >> 33);
  };
  for (size_t i = 0; i < count; ++i) {
    const bool positive = i % 2 == 0;
    std::vector<std::string> words;
    for (size_t w = 0; w < 8 + next() % 8; ++w) words.push_back(kFiller[next() % 15]);
    const size_t at = next() % (words.size() - 1);
    if (positive) {
      words.insert(words.begin() + static_cast<ptrdiff_t>(at), {"alpha", "omega"});
    } else {
      words.insert(words.begin() + static_cast<ptrdiff_t>(at), "omega");
      words.insert(words.begin() + static_cast<ptrdiff_t>(next() % (at + 1)), "alpha");
      if (at + 1 < words.size() && words[at] == "alpha" && words[at + 1] == "omega") std::swap(words[at], words[at + 1]);
    }
    std::string text;
    for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
    out.push_back({text, positive});
  }
  return out;
}

TEST(ContextTraining, LearnsTheOrderOfWords) {
  ContextTrainingOptions options;
  options.epochs = 6;
  options.token_dropout = 0.0;
  ContextModel m = train_context(ordered_texts(600, 1), options);
  size_t right = 0;
  const std::vector<LabelledText> test = ordered_texts(200, 99);
  for (const LabelledText& t : test) {
    const float p = score_context(text::tokenize(t.text), m).probability;
    right += (p >= 0.5f) == t.positive;
  }
  EXPECT_GE(right, 190u) << "of " << test.size();
}

TEST(ContextTraining, TheSameTextsAndSeedGiveTheSameNetwork) {
  ContextTrainingOptions options;
  options.epochs = 2;
  const std::vector<LabelledText> texts = ordered_texts(100, 5);
  const ContextModel a = train_context(texts, options);
  const ContextModel b = train_context(texts, options);
  EXPECT_EQ(a.embeddings, b.embeddings);
  EXPECT_EQ(a.embedding_scale, b.embedding_scale);
  EXPECT_EQ(a.filters, b.filters);
  EXPECT_EQ(a.filter_bias, b.filter_bias);
  EXPECT_EQ(a.output, b.output);
  EXPECT_EQ(a.output_bias, b.output_bias);
  options.seed = 7;
  EXPECT_NE(train_context(texts, options).filters, a.filters);
}

// An ensemble's members are the networks its seeds give one at a time, and one member read alone as an
// ensemble reads as that network.
TEST(ContextTraining, AnEnsembleIsItsSeedsNetworks) {
  ContextTrainingOptions options;
  options.epochs = 2;
  options.members = 2;
  options.seed = 7;
  const std::vector<LabelledText> texts = ordered_texts(120, 3);
  const ContextEnsemble e = train_context_ensemble(texts, options);
  ASSERT_EQ(e.members.size(), 2u);
  EXPECT_EQ(e.threshold, 1.0f);  // never fires until the caller sets it
  ContextTrainingOptions second = options;
  second.seed = 8;
  EXPECT_EQ(e.members[1].filters, train_context(texts, second).filters);
  EXPECT_NE(e.members[0].filters, e.members[1].filters);
  ContextEnsemble one;
  one.members = {e.members[1]};
  one.threshold = 0.5f;
  ContextModel alone = e.members[1];
  alone.threshold = 0.5f;
  for (const LabelledText& t : ordered_texts(20, 11)) {
    const auto tokens = text::tokenize(t.text);
    const ContextResult a = score_context(tokens, one), b = score_context(tokens, alone);
    EXPECT_EQ(a.probability, b.probability) << t.text;
    EXPECT_EQ(a.fires, b.fires) << t.text;
    EXPECT_EQ(a.evidence.size(), b.evidence.size()) << t.text;
  }
}

TEST(ContextTraining, EmbeddingsNoTextTouchedAreZero) {
  ContextTrainingOptions options;
  options.epochs = 1;
  const ContextModel m = train_context({{"the quiet morning was long and grey", false}}, options);
  std::vector<bool> touched(kContextBuckets, false);
  for (const auto& token : context_features("the quiet morning was long and grey"))
    for (uint32_t b : token) touched[b] = true;
  size_t nonzero_untouched = 0;
  for (size_t b = 0; b < kContextBuckets; ++b)
    for (size_t d = 0; d < kContextDim && !touched[b]; ++d) nonzero_untouched += m.embeddings[b * kContextDim + d] != 0;
  EXPECT_EQ(nonzero_untouched, 0u);
}

// A long text is pooled in windows of kContextMaxTokens tokens that overlap by half: three words across
// one window's edge lie whole in the next, and the reading is the plain reference's, window by window.
TEST(ContextReader, ReadsLongTextsInOverlappingWindows) {
  ContextTrainingOptions options;
  options.epochs = 6;
  options.token_dropout = 0.0;
  ContextModel m = train_context(ordered_texts(600, 1), options);
  m.threshold = 0.5f;
  std::string before;
  for (int i = 0; i < 51; ++i) before += "the day was long and we walked home slowly. ";  // 510 tokens
  std::string after;
  for (int i = 0; i < 80; ++i) after += "we walked home slowly after dinner with friends. ";
  const auto tokens = text::tokenize(before + "then alpha omega slept. " + after);
  ASSERT_GT(tokens.size(), 2 * kContextMaxTokens);
  ASSERT_EQ(tokens[kContextMaxTokens - 1].text, "alpha");  // the last token of the first window
  ASSERT_EQ(tokens[kContextMaxTokens].text, "omega");      // the first of the third
  const ContextResult whole = score_context(tokens, m);
  EXPECT_GE(whole.probability, 0.5f);
  ASSERT_FALSE(whole.evidence.empty());
  std::string evidence;
  for (size_t i = whole.evidence[0].first; i <= whole.evidence[0].last; ++i) evidence += tokens[i].text + " ";
  EXPECT_NE(evidence.find("alpha"), std::string::npos) << evidence;
  EXPECT_NEAR(whole.probability, reference_probability(tokens, m), 1e-5f);
  for (size_t count : {kContextMaxTokens - 1, kContextMaxTokens, kContextMaxTokens + 1, 3 * kContextMaxTokens / 2 + 7}) {
    const std::vector<text::Token> part(tokens.begin(), tokens.begin() + static_cast<ptrdiff_t>(count));
    EXPECT_NEAR(score_context(part, m).probability, reference_probability(part, m), 1e-5f) << count << " tokens";
  }
  // Without the two words, the same long text stays low.
  EXPECT_LT(score_context(text::tokenize(before + "then slept. " + after), m).probability, 0.5f);
  // Two networks together: the mean of their readings, window by window, as the reference gives it.
  options.seed = 46;
  ContextEnsemble two;
  two.members = {m, train_context(ordered_texts(600, 2), options)};
  two.threshold = 0.5f;
  const ContextResult together = score_context(tokens, two);
  EXPECT_NEAR(together.probability, reference_probability(tokens, two), 1e-5f);
  ASSERT_FALSE(together.evidence.empty());
  for (size_t count : {kContextMaxTokens + 1, 3 * kContextMaxTokens / 2 + 7}) {
    const std::vector<text::Token> part(tokens.begin(), tokens.begin() + static_cast<ptrdiff_t>(count));
    EXPECT_NEAR(score_context(part, two).probability, reference_probability(part, two), 1e-5f) << count << " tokens";
  }
}

// In the assessor: acts and preparation told in everyday words, which no phrase of the lexicon reads, become
// a gentle check-in (never more) through this reader; the same words about someone else, and ordinary
// messages, do not. These are positives of sets already read (behaviour_tune_l to _o) that only this
// reader found.
TEST(ContextReaderInAssessor, MakesActsToldInEverydayWordsACheckIn) {
  size_t found = 0;
  for (const char* t : {"Went to the chemist twice today. Two different ones so nobody would ask questions. The bag's "
                        "under my bed now.",
                        "I wrote a note and then rewrote it four times because the first ones sounded too angry. "
                        "That's where I'm at tonight.",
                        "Every evening after work I've been going to the station and watching the fast trains come "
                        "through. I don't stand at the edge. Yet. I know exactly why I'm there."}) {
    const Assessment a = assess_text(t);
    EXPECT_LE(risk_test::sh(a), Level::kModerate) << t << " -> " << a.reason;  // never a crisis interrupt alone
    if (a.reason.find("context reader") != std::string::npos) {
      ++found;
      EXPECT_EQ(risk_test::sh(a), Level::kModerate) << t;
      bool has_evidence = false;
      for (const auto& e : a.evidence) has_evidence |= e.level == Level::kModerate;
      EXPECT_TRUE(has_evidence) << t;
    }
  }
  EXPECT_GE(found, 2u) << "the reader should find most of these acts";
}

// A short message the five networks all but agree on (kContextShortMessageProbability, from
// kContextShortMessageMinWords words) is a check-in when another of the writer's messages voiced distress;
// alone it is not, because everyday messages with the same surface ("I scratched my arm on the rose bush")
// read as near-certain too. From the ninth session's first sets, read after their first runs.
TEST(ContextReaderInAssessor, ANearCertainShortReadingAfterDistressIsACheckIn) {
  size_t found = 0;
  for (const char* t : {"Tried last night. Didn't work. I'm at my sister's now.",
                        "me + \xF0\x9F\x8C\x89 tonight. not a meme. just letting someone know"}) {
    ASSERT_GE(score_context(text::tokenize(t)).probability, kContextShortMessageProbability) << t;
    EXPECT_LT(risk_test::sh(assess_text(t)), Level::kModerate) << t;  // alone: not enough
    const Assessment a = assess_conversation(risk_test::chat(
        {{"user", "I have been feeling really low lately"}, {"assistant", "I'm sorry. What's been happening?"},
         {"user", t}}));
    EXPECT_LE(risk_test::sh(a), Level::kModerate) << t << " -> " << a.reason;  // never a crisis interrupt alone
    if (risk_test::sh(a) == Level::kModerate && a.reason.find("context reader") != std::string::npos) ++found;
  }
  EXPECT_EQ(found, 2u);
  // After distress, everyday short messages stay below it, and so does a near-certain one in the same
  // message as the only distress.
  for (const char* t : {"Thanks yeah that sounds good", "long day. bed now. talk tomorrow x",
                        "work was fine, just tired. made pasta and watched the football"}) {
    EXPECT_LT(score_context(text::tokenize(t)).probability, kContextShortMessageProbability) << t;
    const Assessment a = assess_conversation(risk_test::chat(
        {{"user", "I have been feeling really low lately"}, {"assistant", "I'm sorry. What's been happening?"},
         {"user", t}}));
    EXPECT_EQ(a.reason.find("context reader"), std::string::npos) << t << " -> " << a.reason;
  }
}

}  // namespace
}  // namespace haven::safety::risk
