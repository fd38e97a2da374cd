package document

import "time"

// Properties are what a written document says of itself, whichever
// writer writes it (the PDF, the DOCX): its metadata in plain text, when
// it was made, and whether it is a draft.
type Properties struct {
	Title, Author, Subject, Keywords string
	// Lang is the language of the text, a BCP 47 tag such as "en".
	Lang string
	// Created is written as the creation and modification date, so that
	// the same inputs give the same bytes.
	Created time.Time
	// Draft marks the document as a draft, which says in its footer when
	// it was Built.
	Draft bool
	Built time.Time
}
