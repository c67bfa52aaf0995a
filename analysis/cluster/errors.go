package cluster

import (
	"strconv"
	"strings"

	"github.com/pulpero/pulpero/model"
)

// Problem is a stable identifier of what is wrong with the input, for
// screens to translate; Error renders the English message of messages.go.
type Problem string

// The problems the package reports.
const (
	ProblemNoFeatures      Problem = "no_features"        // nothing to cluster on
	ProblemLengthMismatch  Problem = "length_mismatch"    // columns or labels of different lengths
	ProblemUnsupported     Problem = "unsupported_column" // a text column
	ProblemAllMissing      Problem = "all_missing"        // a feature with no value at all
	ProblemConstant        Problem = "constant_feature"   // a feature with one value
	ProblemTooManyLevels   Problem = "too_many_levels"    // Count levels, Limit allowed
	ProblemLogNegative     Problem = "log_negative"       // log(1+x) asked of negative values
	ProblemNonFinite       Problem = "non_finite"         // Count values are NaN or infinite
	ProblemTooFewRows      Problem = "too_few_rows"       // Count rows, Limit needed
	ProblemTooFewDistinct  Problem = "too_few_distinct"   // fewer distinct customers than k (Limit)
	ProblemKOutOfRange     Problem = "k_out_of_range"     // Count asked, Limit the largest
	ProblemBadLabels       Problem = "bad_labels"         // a label outside 0…k−1 (Count the label)
	ProblemOneCluster      Problem = "one_cluster"        // a silhouette needs 2…n−1 clusters
	ProblemBadOption       Problem = "bad_option"         // Attribute names the option
	ProblemTooManyFeatures Problem = "too_many_features"  // Count columns, Limit allowed
)

// Error is a data or option problem. Attribute names the feature (or the
// option) at fault, Count and Limit are the numbers the message quotes.
type Error struct {
	Problem   Problem
	Attribute string
	Count     int
	Limit     int
}

func (e *Error) Error() string {
	tmpl, ok := messages[e.Problem]
	if !ok {
		return string(e.Problem)
	}
	return strings.NewReplacer("{attribute}", e.Attribute, "{count}", strconv.Itoa(e.Count),
		"{limit}", strconv.Itoa(e.Limit)).Replace(tmpl)
}

// Sentence is the message as a model.Sentence (the template's {attribute},
// {count} and {limit} as %s and %d verbs, in that order), for screens to
// translate; its English is Error's.
func (e *Error) Sentence() model.Sentence {
	tmpl, ok := messages[e.Problem]
	if !ok {
		return model.Say(string(e.Problem))
	}
	var args []any
	for _, p := range []struct {
		name, verb string
		arg        any
	}{{"{attribute}", "%s", e.Attribute}, {"{count}", "%d", e.Count}, {"{limit}", "%d", e.Limit}} {
		if strings.Contains(tmpl, p.name) {
			tmpl = strings.Replace(tmpl, p.name, p.verb, 1)
			args = append(args, p.arg)
		}
	}
	return model.Say(tmpl, args...)
}

// As lets errors.As find the Sentence of an Error.
func (e *Error) As(target any) bool {
	if s, ok := target.(*model.Sentence); ok {
		*s = e.Sentence()
		return true
	}
	return false
}

// Is lets errors.Is(err, &Error{Problem: p}) test for a problem.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Problem == e.Problem
}

func problem(p Problem, attr string, count, limit int) error {
	return &Error{Problem: p, Attribute: attr, Count: count, Limit: limit}
}
