// haven safety train-ideation [--model ideation|behaviour|means-reply|harm-reply|context|means-question|distress]
//                             --validation FILE[,FILE...] [--max-validation-fpr F]
//                             [--seed N] [--members N] (context, means-question and distress only)
//                             [--negatives-from FILE[,FILE...]] (means-question and distress only) [--out FILE.cpp]
//                             TRAIN.jsonl...
//
// Trains the ideation classifier (safety/risk/ideation_training.h) on labelled lines
// {"id", "label": 0|1, "kind", "text"} that this project wrote itself, chooses the decision threshold as
// the lowest at which at most F (default 0.05) of the validation files' label-0 texts fire (and the
// confident threshold, at which the classifier counts alone, at 0.01), prints recall
// and false-positive rate on the validation file per kind, and, with --out, writes the weight table
// source (src/safety/risk/ideation_weights.cpp). Never run it on data whose licence forbids shipping
// what is derived from it: the table ships in the program. --cross-validate also trains once per training
// file without it and reports, over the held-out texts, the area under the ROC curve and the recall at
// 5% and 10% false positives: the figure to compare feature or penalty choices by.
//
// --model means-reply trains the reply screener's means model (safety/screen/means_reply_classifier.h)
// the same way from screener lines {"id", "category", "label": "unsafe"|"safe", "messages", "reply"}:
// unsafe means_information replies are the positives, safe replies of every category the negatives, and
// unsafe replies of other categories are left out (they are not means information, nor safe); each reply
// is read as the screener reads it (means_reply_model_text: digits are not features). Its
// threshold defaults to at most 0.02 of the validation files' safe replies, and it writes
// src/safety/screen/means_reply_weights.cpp.
//
// --model behaviour trains the behaviour classifier (safety/risk/behaviour_classifier.h) from the same
// kind of lines as the ideation classifier (label 1 for the writer's own act); its threshold defaults to
// at most 0.02 (confident: 0.01) of the validation files' label-0 texts, and it writes
// src/safety/risk/behaviour_weights.cpp.
//
// --model harm-reply trains the screener's reader of the other kinds of harm
// (safety/screen/harm_reply_classifier.h) from the same lines: unsafe replies of every category but
// means_information are the positives, safe replies the negatives, unsafe means replies are left out;
// its threshold defaults to at most 0.02 of the validation files' safe replies, and it writes
// src/safety/screen/harm_reply_weights.cpp.
//
// --model context trains the context reader (safety/risk/context_reader.h), a small network over words in
// order, from the same kind of lines as the ideation classifier (label 1 for the writer's own risk);
// its threshold defaults to at most 0.05 (confident: 0.01) of the validation files' label-0 texts, and it
// writes src/safety/risk/context_reader_weights.cpp (safety_train_context.cpp). --model means-question and
// --model distress train the same network's other tables (means_question_reader.h, distress_reader.h);
// --negatives-from adds the label-0 lines of other files as negatives.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string_view>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/safety_cli.h"
#include "safety/risk/behaviour_classifier.h"
#include "safety/risk/context_reader_training.h"
#include "safety/risk/distress_reader.h"
#include "safety/risk/means_question_reader.h"
#include "safety/risk/ideation_classifier.h"
#include "safety/risk/ideation_training.h"
#include "safety/screen/harm_reply_classifier.h"
#include "safety/screen/means_reply_classifier.h"

namespace haven::cli {
namespace {

using nlohmann::json;
namespace risk = haven::safety::risk;

// Area under the ROC curve and recall at a share of false positives, from held-out probabilities.
void report_held_out(const std::vector<double>& pos, const std::vector<double>& neg) {
  double wins = 0;
  for (double p : pos)
    for (double n : neg) wins += p > n ? 1.0 : p == n ? 0.5 : 0.0;
  const double auc = pos.empty() || neg.empty() ? 0.0 : wins / (static_cast<double>(pos.size()) * neg.size());
  std::printf("cross-validation (one training file held out at a time, texts the classifier reads): %zu positives, "
              "%zu negatives, AUC %.4f\n",
              pos.size(), neg.size(), auc);
  for (double fpr : {0.02, 0.05, 0.10}) {
    const double t = risk::threshold_for_false_positive_rate(neg, fpr);
    size_t hit = 0;
    for (double p : pos) hit += p >= t;
    std::printf("  recall at %.2f false positives: %.3f (threshold %.4f)\n", fpr,
                pos.empty() ? 0.0 : static_cast<double>(hit) / pos.size(), t);
  }
}

struct KindText {
  risk::LabelledText text;
  std::string kind;
};

enum class ReplyModel { kNone, kMeans, kHarm };

// One screener line as a training text for a reply model; keep is false when the line is left out.
Status screener_line(const json& j, const std::string& where, ReplyModel model, bool& keep, KindText& k) {
  auto label = j.find("label");
  auto reply = j.find("reply");
  auto category = j.find("category");
  if (label == j.end() || !label->is_string() || (*label != "unsafe" && *label != "safe"))
    return invalid_argument(where + "expected \"label\" \"unsafe\" or \"safe\"");
  if (reply == j.end() || !reply->is_string()) return invalid_argument(where + "expected a string \"reply\"");
  if (category == j.end() || !category->is_string()) return invalid_argument(where + "expected a string \"category\"");
  const bool unsafe = *label == "unsafe";
  const bool means = *category == "means_information";
  // The means model learns means replies against safe ones; the harm model the other unsafe replies.
  keep = !unsafe || (model == ReplyModel::kMeans ? means : !means);
  k.text.text = haven::safety::screen::means_reply_model_text(reply->get<std::string>());
  k.text.positive = unsafe && keep;
  k.kind = category->get<std::string>() + (unsafe ? " unsafe" : " safe");
  return Status::ok();
}

Status read_labelled(const std::string& path, std::vector<KindText>& out, ReplyModel replies) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return not_found("cannot open '" + path + "' for reading");
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = path + ":" + std::to_string(line_no) + ": ";
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return invalid_argument(where + "expected a JSON object, found something else");
    if (replies != ReplyModel::kNone) {
      KindText k;
      bool keep = false;
      if (Status s = screener_line(j, where, replies, keep, k); !s.is_ok()) return s;
      if (keep) out.push_back(std::move(k));
      continue;
    }
    auto label = j.find("label");
    auto text = j.find("text");
    if (label == j.end() || !label->is_number_integer() || (label->get<int>() != 0 && label->get<int>() != 1))
      return invalid_argument(where + "expected \"label\" 0 or 1");
    if (text == j.end() || !text->is_string()) return invalid_argument(where + "expected a string \"text\"");
    KindText k;
    k.text.text = text->get<std::string>();
    k.text.positive = label->get<int>() == 1;
    auto kind = j.find("kind");
    k.kind = kind != j.end() && kind->is_string() ? kind->get<std::string>() : "(none)";
    out.push_back(std::move(k));
  }
  return Status::ok();
}

}  // namespace

int run_safety_train_ideation(const GlobalOptions& options, Args& args) {
  (void)options;
  auto validation = args.take_option("--validation");
  auto out_path = args.take_option("--out");
  auto model_name = args.take_option("--model");
  auto fpr_text = args.take_option("--max-validation-fpr");
  auto l2_text = args.take_option("--l2");
  auto min_texts_text = args.take_option("--min-texts");
  auto seed_text = args.take_option("--seed");
  auto members_text = args.take_option("--members");
  auto negatives_from = args.take_option("--negatives-from");
  const bool cross_validate = args.take_flag("--cross-validate");
  for (auto* r : {&validation, &out_path, &fpr_text, &l2_text, &min_texts_text, &model_name, &seed_text, &members_text, &negatives_from})
    if (!r->is_ok()) return usage_error(r->status().message());
  if (!validation->has_value()) return usage_error("safety train-ideation expects --validation FILE, found nothing");
  // The four models this command trains: what each is read as, and where its table goes.
  struct ModelSpec {
    const char* name;
    ReplyModel replies;
    const char* header;
    const char* name_space;
    const char* function;
    size_t min_words;
    double max_fpr;
    double confident_fpr;  // unused by the reply models, which have no confident threshold
    risk::IdeationTrainingOptions options;
  };
  namespace screen = haven::safety::screen;
  const ModelSpec specs[] = {
      {"ideation", ReplyModel::kNone, "safety/risk/ideation_classifier.h", "haven::safety::risk",
       "shipped_ideation_model", risk::kIdeationMinWords, risk::kIdeationMaxValidationFalsePositiveRate,
       risk::kIdeationConfidentValidationFalsePositiveRate, {}},
      {"behaviour", ReplyModel::kNone, "safety/risk/behaviour_classifier.h", "haven::safety::risk",
       "shipped_behaviour_model", risk::kBehaviourMinWords, risk::kBehaviourMaxValidationFalsePositiveRate,
       risk::kBehaviourConfidentValidationFalsePositiveRate, {}},
      {"means-reply", ReplyModel::kMeans, "safety/screen/means_reply_classifier.h", "haven::safety::screen",
       "shipped_means_reply_model", screen::kMeansReplyMinWords, screen::kMeansReplyMaxValidationFalsePositiveRate,
       1.0, screen::means_reply_training_options()},
      {"harm-reply", ReplyModel::kHarm, "safety/screen/harm_reply_classifier.h", "haven::safety::screen",
       "shipped_harm_reply_model", screen::kHarmReplyMinWords, screen::kHarmReplyMaxValidationFalsePositiveRate,
       1.0, screen::harm_reply_training_options()},
  };
  const std::string model_kind = model_name->value_or("ideation");
  // The context reader and the means question reader (one network, two tables) read the ideation
  // classifier's kind of lines; their own trainer takes over below.
  const bool means_question = model_kind == "means-question";
  const bool distress = model_kind == "distress";
  const bool context = model_kind == "context" || means_question || distress;
  const ModelSpec* spec = nullptr;
  for (const ModelSpec& m : specs)
    if (model_kind == m.name || (context && std::string_view(m.name) == "ideation")) spec = &m;
  if (!spec)
    return usage_error(
        "safety train-ideation expects --model ideation, behaviour, means-reply, harm-reply, context, "
        "means-question or distress, found '" +
        model_kind + "'");
  if (context && (l2_text->has_value() || min_texts_text->has_value()))
    return usage_error(
        "safety train-ideation --model " + model_kind +
        " takes only --validation, --max-validation-fpr, --seed, --members, --negatives-from, --cross-validate "
        "and --out");
  if (!means_question && !distress && negatives_from->has_value())
    return usage_error("safety train-ideation takes --negatives-from only with --model means-question or distress");
  if (!context && (seed_text->has_value() || members_text->has_value()))
    return usage_error("safety train-ideation takes --seed and --members only with --model context, "
                       "means-question or distress (the linear models have no random start and are one model each)");
  const ReplyModel replies = spec->replies;
  risk::WeightsSourceTarget target;
  target.header = spec->header;
  target.name_space = spec->name_space;
  target.function = spec->function;
  target.min_words = spec->min_words;
  target.command = model_kind == "ideation" ? "haven safety train-ideation"
                                            : "haven safety train-ideation --model " + model_kind;
  double max_fpr = spec->max_fpr;
  const double confident_fpr = spec->confident_fpr;
  risk::IdeationTrainingOptions train_options = spec->options;
  const size_t min_words = target.min_words;
  // Whole string a number in [low, high], or a usage error naming the option.
  auto number = [](const std::optional<std::string>& text, const char* name, double low, double high,
                   double& out) -> Status {
    if (!text) return Status::ok();
    double v = 0;
    const char* end = text->data() + text->size();
    auto [p, ec] = std::from_chars(text->data(), end, v);
    if (ec != std::errc() || p != end || !(v >= low && v <= high)) {
      char range[64];
      std::snprintf(range, sizeof range, "%g to %g", low, high);
      return invalid_argument(std::string("expected ") + name + " to be a number from " + range + ", found '" + *text +
                              "'");
    }
    out = v;
    return Status::ok();
  };
  double min_texts = static_cast<double>(train_options.min_texts_per_feature);
  risk::ContextTrainingOptions context_options;
  double seed = static_cast<double>(context_options.seed);
  double members = static_cast<double>(context_options.members);
  for (Status s : {number(fpr_text.value(), "--max-validation-fpr", 0, 1, max_fpr),
                   number(l2_text.value(), "--l2", 0, 1e3, train_options.l2),
                   number(min_texts_text.value(), "--min-texts", 1, 1e6, min_texts),
                   number(seed_text.value(), "--seed", 0, 1e9, seed),
                   number(members_text.value(), "--members", 1, static_cast<double>(risk::kContextMaxMembers), members)})
    if (!s.is_ok()) return usage_error(s.message());
  if (seed != static_cast<double>(static_cast<uint64_t>(seed)))
    return usage_error("expected --seed to be a whole number, found '" + seed_text->value_or("") + "'");
  if (members != static_cast<double>(static_cast<size_t>(members)))
    return usage_error("expected --members to be a whole number, found '" + members_text->value_or("") + "'");
  context_options.seed = static_cast<uint64_t>(seed);
  context_options.members = static_cast<size_t>(members);
  train_options.min_texts_per_feature = static_cast<size_t>(min_texts);
  std::vector<std::string> train_files;
  while (auto f = args.take_positional()) train_files.push_back(*f);
  if (Status s = args.expect_empty(); !s.is_ok()) return usage_error(s.message());
  if (train_files.empty()) return usage_error("safety train-ideation expects training files, found none");

  std::vector<KindText> train, valid;
  std::vector<size_t> file_of;  // index into train_files of each training text
  for (size_t i = 0; i < train_files.size(); ++i) {
    if (Status s = read_labelled(train_files[i], train, replies); !s.is_ok()) return report_error(s);
    file_of.resize(train.size(), i);
  }
  // --negatives-from: the label-0 lines of other files (the risk readers' training texts: ordinary
  // messages, stress and their questions) as more messages without a means question.
  std::vector<std::string> negative_files;
  if (negatives_from->has_value()) {
    for (size_t start = 0; start <= (**negatives_from).size();) {
      size_t comma = (**negatives_from).find(',', start);
      if (comma == std::string::npos) comma = (**negatives_from).size();
      if (comma > start) negative_files.push_back((**negatives_from).substr(start, comma - start));
      start = comma + 1;
    }
    if (negative_files.empty())
      return usage_error("safety train-ideation expects --negatives-from FILE[,FILE...], found no file name");
    for (const auto& f : negative_files) {
      std::vector<KindText> all;
      if (Status s = read_labelled(f, all, replies); !s.is_ok()) return report_error(s);
      for (auto& k : all)
        if (!k.text.positive) {
          train.push_back(std::move(k));
          file_of.push_back(train_files.size());  // never held out by --cross-validate
        }
    }
  }
  // The means question reader reads only what a message asks (means_question_reader.h): it is trained and
  // its threshold set on the same.
  if (means_question) {
    // A message that asks nothing is never read; it teaches nothing either.
    std::vector<KindText> asked;
    std::vector<size_t> asked_file;
    for (size_t i = 0; i < train.size(); ++i) {
      train[i].text.text = risk::question_text(train[i].text.text);
      if (train[i].text.text.empty()) continue;
      asked.push_back(std::move(train[i]));
      asked_file.push_back(file_of[i]);
    }
    train = std::move(asked);
    file_of = std::move(asked_file);
  }
  if (cross_validate && context) {
    // The same held-out-by-file measure, for the network: one training run per file left out.
    std::vector<double> pos, neg;
    for (size_t held = 0; held < train_files.size(); ++held) {
      std::vector<risk::LabelledText> rest;
      for (size_t i = 0; i < train.size(); ++i)
        if (file_of[i] != held) rest.push_back(train[i].text);
      const risk::ContextEnsemble m = risk::train_context_ensemble(rest, context_options);
      for (size_t i = 0; i < train.size(); ++i) {
        if (file_of[i] != held || !risk::ideation_reads(train[i].text.text, risk::kContextMinWords)) continue;
        const double p = risk::score_context(haven::safety::text::tokenize(train[i].text.text), m).probability;
        (train[i].text.positive ? pos : neg).push_back(p);
      }
    }
    report_held_out(pos, neg);
  } else if (cross_validate) {
    std::vector<double> pos, neg;
    for (size_t held = 0; held < train_files.size(); ++held) {
      std::vector<risk::LabelledText> rest;
      for (size_t i = 0; i < train.size(); ++i)
        if (file_of[i] != held) rest.push_back(train[i].text);
      risk::TrainedIdeationModel m = risk::train_ideation(rest, train_options);
      std::vector<std::string> held_texts;
      std::vector<bool> held_positive;
      for (size_t i = 0; i < train.size(); ++i) {
        if (file_of[i] != held || !risk::ideation_reads(train[i].text.text, min_words)) continue;
        held_texts.push_back(train[i].text.text);
        held_positive.push_back(train[i].text.positive);
      }
      const std::vector<double> p = risk::ideation_probabilities(m, held_texts, min_words);
      for (size_t k = 0; k < p.size(); ++k) (held_positive[k] ? pos : neg).push_back(p[k]);
    }
    report_held_out(pos, neg);
  }
  std::vector<std::string> validation_files;
  for (size_t start = 0; start <= (**validation).size();) {
    size_t comma = (**validation).find(',', start);
    if (comma == std::string::npos) comma = (**validation).size();
    if (comma > start) validation_files.push_back((**validation).substr(start, comma - start));
    start = comma + 1;
  }
  for (const auto& f : validation_files)
    if (Status s = read_labelled(f, valid, replies); !s.is_ok()) return report_error(s);
  if (means_question)
    for (auto& k : valid) k.text.text = risk::question_text(k.text.text);
  if (context) {
    ContextTrainingInput input;
    for (const auto& k : train) input.train.push_back(k.text);
    for (const auto& k : valid) {
      input.validation.push_back(k.text);
      input.validation_kinds.push_back(k.kind);
    }
    input.train_files = train_files;
    for (const auto& f : negative_files) input.train_files.push_back(f + " (its label-0 lines)");
    input.validation_files = validation_files;
    if (out_path->has_value()) input.out_path = **out_path;
    input.max_false_positive_rate = fpr_text->has_value() ? max_fpr
                                    : means_question   ? risk::kMeansQuestionMaxValidationFalsePositiveRate
                                    : distress         ? risk::kDistressMaxValidationFalsePositiveRate
                                                       : risk::kContextMaxValidationFalsePositiveRate;
    input.options = context_options;
    if (means_question) {
      input.model_name = "means-question";
      input.header = "safety/risk/means_question_reader.h";
      input.table_symbol = "kMeansQuestionModel";
    }
    if (distress) {
      input.model_name = "distress";
      input.header = "safety/risk/distress_reader.h";
      input.table_symbol = "kDistressModel";
    }
    return train_context_reader(input);
  }
  std::vector<risk::LabelledText> texts;
  for (const auto& k : train) texts.push_back(k.text);
  risk::TrainedIdeationModel model = risk::train_ideation(texts, train_options);

  // Only texts the classifier reads (long enough) count, for the threshold and for the figures.
  std::vector<double> neg;
  std::vector<std::string> valid_texts;
  for (const auto& v : valid) valid_texts.push_back(v.text.text);
  const std::vector<double> prob = risk::ideation_probabilities(model, valid_texts, min_words);
  std::vector<bool> read(valid.size());
  for (size_t i = 0; i < valid.size(); ++i) {
    read[i] = risk::ideation_reads(valid[i].text.text, min_words);
    if (read[i] && !valid[i].text.positive) neg.push_back(prob[i]);
  }
  const double threshold = risk::round_threshold_up(risk::threshold_for_false_positive_rate(neg, max_fpr));
  // The reply models have no confident threshold (it never counts more or less than it fires).
  const double confident = replies != ReplyModel::kNone
                               ? 1.0
                               : risk::round_threshold_up(risk::threshold_for_false_positive_rate(neg, confident_fpr));
  std::printf("trained on %zu texts (%zu positive), %zu weights, bias %.4f, final loss %.4f, l2 %g\n",
              model.training_texts, model.positives, model.weights.size(), model.bias, model.final_loss,
              train_options.l2);
  std::printf("threshold %.4f (at most %.3f of validation negatives), confident threshold %.4f (at most %.3f)\n",
              threshold, max_fpr, confident, confident_fpr);
  std::map<std::string, std::pair<int, int>> by_kind;  // kind -> (fired, total)
  int tp = 0, pos = 0, fp = 0, negs = 0;
  size_t unread = 0;
  for (size_t i = 0; i < valid.size(); ++i) {
    if (!read[i]) {
      ++unread;
      continue;
    }
    const bool fired = prob[i] >= threshold;
    auto& k = by_kind[(valid[i].text.positive ? "1 " : "0 ") + valid[i].kind];
    k.first += fired;
    ++k.second;
    if (valid[i].text.positive) {
      ++pos;
      tp += fired;
    } else {
      ++negs;
      fp += fired;
    }
  }
  std::printf("validation (%zu texts of %d words or more; %zu shorter ones are left to the lexicon): recall %d/%d = "
              "%.3f, false positives %d/%d = %.3f\n",
              valid.size() - unread, static_cast<int>(min_words), unread, tp, pos,
              pos ? 1.0 * tp / pos : 0.0, fp, negs, negs ? 1.0 * fp / negs : 0.0);
  for (const auto& [kind, c] : by_kind) std::printf("  label %-28s fired %3d / %3d\n", kind.c_str(), c.first, c.second);

  if (out_path->has_value()) {
    std::vector<std::string> provenance;
    std::string files;
    for (const auto& f : train_files) {
      const size_t slash = f.find_last_of('/');
      files += (files.empty() ? "" : ", ") + (slash == std::string::npos ? f : f.substr(slash + 1));
    }
    provenance.push_back(std::string(replies != ReplyModel::kNone ? "Training replies: " : "Training texts: ") + files +
                         (replies != ReplyModel::kNone ? " (tests/safety/screen_classifier, " : " (tests/safety/data/classifier, ") +
                         std::to_string(model.training_texts) + " texts, " + std::to_string(model.positives) +
                         " positive), written by this project.");
    char buf[256];
    std::string vfiles;
    for (const auto& f : validation_files) {
      const size_t slash = f.find_last_of('/');
      vfiles += (vfiles.empty() ? "" : ", ") + (slash == std::string::npos ? f : f.substr(slash + 1));
    }
    if (replies != ReplyModel::kNone)
      std::snprintf(buf, sizeof buf,
                    "Threshold: at most %.3f of the safe replies of %zu words or more of the validation files fire; "
                    "l2 %g:",
                    max_fpr, min_words, train_options.l2);
    else
      std::snprintf(buf, sizeof buf,
                    "Thresholds: at most %.3f (confident: %.3f) of the label-0 texts of %zu words or more of the "
                    "validation files fire; l2 %g:",
                    max_fpr, confident_fpr, min_words, train_options.l2);
    provenance.push_back(buf);
    provenance.push_back("  " + vfiles + ".");
    std::ofstream out(**out_path, std::ios::binary | std::ios::trunc);
    out << risk::render_ideation_weights_source(model, threshold, confident, provenance, target);
    if (!out) return report_error(io_error("cannot write '" + **out_path + "'"));
    std::printf("wrote %s\n", (**out_path).c_str());
  }
  return kExitOk;
}

}  // namespace haven::cli
