package locale

// spanishSegment: the Segments screen and the segment language's messages.
var spanishSegment = map[string]string{}
