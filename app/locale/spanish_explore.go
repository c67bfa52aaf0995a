package locale

// spanishExplore: the Explore, Tables, Roles screens, the palette and data-quality findings.
var spanishExplore = map[string]string{}
