package value

import (
	"context"
	"sync"
	"testing"
)

// The benchmarks share one simulated base of 1,000,000 customers whose
// first purchases spread over 600 days of a two-year history (so T takes
// 600 values: a harder case for the tuple grouping than a single cohort),
// CDNOW-like purchase and spend parameters in weeks.
const benchCustomers = 1_000_000

var bench struct {
	once sync.Once
	p    Purchases
	s    Summary // calibration end two thirds in
	m    BGNBD
	g    GammaGamma
	end  int32
}

func benchData(b *testing.B) {
	b.Helper()
	bench.once.Do(func() {
		p, err := Simulate(SimulateOptions{
			Customers: benchCustomers, Seed: 2024, Model: fhl, Unit: Weeks,
			Spend:    &GammaGammaParams{P: 6.25, Q: 3.74, Gamma: 15.44},
			FirstDay: 18000, AcquisitionDays: 600, LastDay: 18000 + 729,
		})
		if err != nil {
			panic(err)
		}
		bench.p = p
		bench.end, err = DefaultCalibrationEnd(p, benchCustomers)
		if err != nil {
			panic(err)
		}
		bench.s, err = Summarise(p, benchCustomers, bench.end, Weeks)
		if err != nil {
			panic(err)
		}
		bench.m, err = FitBGNBD(context.Background(), bench.s, FitOptions{})
		if err != nil {
			panic(err)
		}
		bench.g, err = FitGammaGamma(context.Background(), bench.s, FitOptions{})
		if err != nil {
			panic(err)
		}
	})
}

func BenchmarkSummarise1M(b *testing.B) {
	benchData(b)
	b.ResetTimer()
	defer b.ReportMetric(float64(len(bench.p.Day)), "lines")
	for b.Loop() {
		if _, err := Summarise(bench.p, benchCustomers, bench.end, Weeks); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFitBGNBD1M(b *testing.B) {
	benchData(b)
	b.ResetTimer()
	defer b.ReportMetric(float64(bench.m.Fit.Unique), "tuples")
	for b.Loop() {
		if _, err := FitBGNBD(context.Background(), bench.s, FitOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFitGammaGamma1M(b *testing.B) {
	benchData(b)
	b.ResetTimer()
	defer b.ReportMetric(float64(bench.g.Fit.Customers), "repeat-buyers")
	for b.Loop() {
		if _, err := FitGammaGamma(context.Background(), bench.s, FitOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPredict1M(b *testing.B) {
	benchData(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Predict(context.Background(), bench.s, bench.m, &bench.g, DefaultPredictOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate1M(b *testing.B) {
	benchData(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Validate(context.Background(), bench.p, benchCustomers, ValidateOptions{Unit: Weeks}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFitParetoNBD1M(b *testing.B) {
	benchData(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := FitParetoNBD(context.Background(), bench.s, FitOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
