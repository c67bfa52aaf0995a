// Package sample generates pulpero's demo world: the customer database of a
// mid-sized shop in a Spanish-speaking city, deterministically from a seed
// (same seed and size, same bytes of the database). It imports only model:
// rows stream into a Sink that store implements, one table at a time, and
// every pass regenerates each customer from that customer's own PCG stream,
// so memory stays flat whatever the size (1M customers: ~280 MB peak RSS).
//
// "Today" is ReferenceDate (2026-01-01), never the clock. Purchases,
// touchpoints and campaigns cover 2024-01-01 … 2025-12-31; sign-ups 2012 …
// 2025, rising over time.
//
// # Tables
//
// customers (one row per customer, the table the others point at),
// neighbourhoods, products, invoices → invoice_lines, touchpoints, campaigns →
// campaign_contacts. See schema.go for columns; all foreign keys are declared
// and indexed. Per customer, on average: 4.5 invoices, 10.1 invoice lines,
// 6 touchpoints, 2 campaign contacts.
//
// # The generating model (shares measured at 1,000,000 customers, seed 1)
//
// Households: 80% of households hold one customer, 13% a couple of customers,
// 7% a parent (30% of them with a partner) and an adult child living at home;
// about a third of customers share their household_id. Members share the
// address, neighbourhood and landline.
//
// Generations by birth year (adults only, born 1935 … 2007): baby boomers
// (≤1964) 24.4%, generation X (1965–78) 27.6%, millennials (1979–96) 30.1%,
// centennials (1997–2007) 17.9%.
//
// Place: 64 neighbourhoods in 9 zones (centre, north, north-east, east,
// south-east, south, south-west, west, north-west). Bands A (most affluent) …
// E go by zone affluence plus noise; customers by band: A 11%, B 19%, C 34%,
// D 24%, E 12%.
//
// Income: log-normal (σ 0.42 in logs) around the band's median (A 3,300 …
// E 1,120 per month), with an age curve (low before 23, peak 40–54, lower in
// retirement) and a small gender gap; 3% unknown. Mean income by band:
// A 3,290 > B 2,440 > C 1,850 > D 1,450 > E 1,120.
//
// Family: marital status by age band and household; children Poisson with a
// mean set by status (married 1.8, single 0.25, …) and age.
//
// Digital reachability falls with age: smartphone ownership ~98% below 50,
// 91% at 50–64, 67% at 65–79, 32% from 80; internet use and e-mail follow it. 14% have no
// e-mail, ~5% a malformed one ('ana.gomez@@mail', 'ana gomez@gmail.com',
// 'no-email'); malformed addresses mostly bounce. Consent per channel (e-mail,
// SMS, phone, post) with its date; e-mail consent falls with age, post and
// phone consent rise with it. Reachable by e-mail (valid address, consent, no
// bounce, not unsubscribed): 57% at 18–34, 51% at 35–49, 43% at 50–64, 30%
// at 65–79, 15% from 80.
//
// # Buyer types, by construction (BuyerType; not stored: recover them)
//
//   - FrequentValue, 40%: ~7.8 invoices per customer in two years, small
//     baskets of cheap grocery/household/personal-care goods, three quarters
//     from six favourite familiar-brand products, 84% in store, often on
//     promotion; loyalty members; answer e-mail and SMS offers.
//   - Researcher, 20.5%: ~1.5 invoices, mostly online, pricier electronics,
//     home and sports goods; 2 + Poisson(3) web visits in the 3–45 days before
//     every purchase (≈10 visits per customer); younger, internet users.
//   - LuxurySocial, 10%: ~2.4 invoices, 80% of lines luxury products (fashion,
//     beauty, jewellery), strongly seasonal (Christmas); social mentions and
//     reviews in the three weeks before each purchase (≈4.7 per customer);
//     higher incomes; answer post catalogues and phone calls.
//   - Traditional, 29.5%: ~3 invoices of larger baskets, 98% in store, more
//     cash, the most call-centre contacts; older; answer post and phone.
//
// The type depends on age, income, children and internet use, so it
// correlates with demographics without being a function of them.
//
// Purchases: seasonality by month (December peak ×1.7, August dip ×0.65,
// Black Friday November ×1.25) scaled by type, a weekly rhythm (store:
// Saturday busiest, Sunday quiet; online flatter), opening hours; 6% of
// customers are dormant and 12% lapse part-way. Returns are likelier online
// and for clothing and footwear.
//
// Campaigns: 12 past campaigns (e-mail, SMS, phone, post) between 2024-02 and
// 2025-11. Eligible customers (signed up before, reachable on the channel)
// are selected at random; 15% of the selected are held out as a control group.
// Response = base rate (by type and channel) + lift if contacted, e.g.
// frequent value by SMS 5% → 13%, traditional by phone 5% → 14%, researchers
// barely moved. Overall: treated 8.5%, control 3.9%.
//
// BuyerTypes returns the true types for tests; TestBuyerTypesLeaveTraces
// checks that each type stands out on the trace that defines it.
package sample
