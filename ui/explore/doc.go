// Package explore is the Explore screen: the customer table's attributes on
// the left and the selected one's distribution on the right.
package explore
