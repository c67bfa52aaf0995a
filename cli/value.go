package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/pulpero/pulpero/analysis/value"
	"github.com/pulpero/pulpero/app"
)

// valueUsage is the command's usage, in the run's language.
func valueUsage() string {
	return tr.T("usage: pulpero value DB [--as-of D] [--calibration-end D] [--horizon 180d] [--discount 0.01/month] [--unit weeks|days] [--pareto] [--no-validate] [--format text|json] [--customers FILE [--force]] [--top N]")
}

// valueFlags are value's flags.
type valueFlags struct {
	table, asOf, calEnd, horizon, discount, unit, format, customers, dataDir string
	pareto, noValidate, force                                                bool
	top                                                                      int
}

// runValue prints the customer-value models fitted to the purchases:
// BG/NBD (purchases and P(alive)) and Gamma-Gamma (value per purchase)
// with standard errors and log-likelihoods, the predictions over the
// horizon in bands, the top customers by clv and the holdout validation;
// with --customers it writes the per-customer table.
func runValue(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("value", stderr)
	var f valueFlags
	fs.StringVar(&f.table, "table", "", tr.T("the customer table (default: detected)"))
	fs.StringVar(&f.asOf, "as-of", "", tr.T("the last day observed, YYYY-MM-DD (default: the Behaviour screen's saved date, else the last purchase day)"))
	fs.StringVar(&f.calEnd, "calibration-end", "", tr.T("the validation's last calibration day, YYYY-MM-DD (default: two thirds into the purchase dates)"))
	fs.StringVar(&f.horizon, "horizon", "", tr.T("prediction horizon: 180, 180d, 26w, 6m or 1y (default: 180 days, or the saved one)"))
	fs.StringVar(&f.discount, "discount", "", tr.T("discount rate per period for clv: 0.01/month, 1%/month, 0.1/year, 0 (default: 1% per 30 days, or the saved one)"))
	fs.StringVar(&f.unit, "unit", "weeks", tr.T("the models' time unit: weeks (the literature's, so parameters compare) or days"))
	fs.BoolVar(&f.pareto, "pareto", false, tr.T("also fit the Pareto/NBD model and compare log-likelihoods"))
	fs.BoolVar(&f.noValidate, "no-validate", false, tr.T("skip the holdout validation"))
	fs.StringVar(&f.format, "format", "text", tr.T("text or json"))
	fs.StringVar(&f.customers, "customers", "", tr.T("also write the per-customer table (summary and the four predictions) to FILE as CSV"))
	fs.BoolVar(&f.force, "force", false, tr.T("replace an existing --customers file"))
	fs.IntVar(&f.top, "top", 10, tr.T("how many customers with the highest clv to list"))
	fs.StringVar(&f.dataDir, "data-dir", "", tr.T("where workspaces of read-only databases live"))
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil || len(pos) != 1 {
		fmt.Fprintln(stderr, valueUsage())
		return exitUsage
	}
	o, err := f.options()
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	db, err := app.Open(pos[0], app.OpenOptions{DataDir: f.dataDir})
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	defer db.Close()
	bar := newLoadLine(stderr)
	// the customers' keys are enough: value reads the purchases itself
	s, err := db.Load(ctx, app.LoadRequest{Table: f.table, AsOf: time.Now().UTC(), Attributes: []string{}, Stage: bar.stage, Progress: bar.progress})
	if err != nil {
		bar.clear()
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	last := ""
	o.Progress = func(p app.ValueProgress) {
		if p.Stage != last {
			last = p.Stage
			bar.stage(p.Stage)
		}
		if p.Total > 0 {
			bar.progress(app.LoadProgress{Done: int64(p.Done), Total: int64(p.Total)})
		}
	}
	v, err := s.ComputeValue(ctx, o)
	bar.clear()
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	rep := s.ValueReport(v, max(0, f.top))
	if v.Err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", valueSay(v.Err, rep.Error))
		return exitFail
	}
	if f.customers != "" {
		n, err := s.WriteValueCustomers(v, f.customers, f.force)
		if err != nil {
			fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
			return exitFail
		}
		fmt.Fprintln(stderr, tr.T("wrote %d customers to %s (as of %s)", n, f.customers, day(rep.AsOf)))
	}
	return printValue(rep, v, f.format, stdout, stderr)
}

// options turns the flags into value options.
func (f valueFlags) options() (app.ValueOptions, error) {
	var o app.ValueOptions
	switch f.format {
	case "text", "json":
	default:
		return o, errors.New(tr.T("--format %q: want text or json", f.format))
	}
	switch strings.ToLower(f.unit) {
	case "weeks", "week", "w":
		o.Unit = value.Weeks
	case "days", "day", "d":
		o.Unit = value.Days
	default:
		return o, errors.New(tr.T("--unit %q: want weeks or days", f.unit))
	}
	var err error
	if f.asOf != "" {
		if o.AsOf, err = app.ParseDay(f.asOf); err != nil {
			return o, fmt.Errorf("--as-of: %w", err)
		}
	}
	if f.calEnd != "" {
		if o.CalibrationEnd, err = app.ParseDay(f.calEnd); err != nil {
			return o, fmt.Errorf("--calibration-end: %w", err)
		}
	}
	if f.horizon != "" {
		if o.HorizonDays, err = app.ParseHorizon(f.horizon); err != nil {
			return o, fmt.Errorf("--horizon: %w", err)
		}
	}
	if f.discount != "" {
		if o.DiscountRate, o.DiscountPeriodDays, err = app.ParseDiscount(f.discount); err != nil {
			return o, fmt.Errorf("--discount: %w", err)
		}
	}
	if f.force && f.customers == "" {
		return o, errors.New(tr.T("--force replaces the --customers file: give --customers FILE"))
	}
	o.ParetoNBD, o.Validate = f.pareto, !f.noValidate
	return o, nil
}
