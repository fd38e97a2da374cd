// Package edition holds one edition of the report as typed data: the model,
// its strict loading from TOML, validation across files, and the facts that
// templates place in sentences (counts, lists, derived groups).
package edition

// Edition is one year's report data, loaded from data/<year>/. Load and
// LoadDraft make it and build its lookups by State; its States and
// Meetings are not to be changed after.
type Edition struct {
	Dir string // the folder it was loaded from, e.g. data/2017

	// Previous is the edition before this one (the folder beside it with
	// the highest year below), loaded on its own; nil when there is none
	// or it has errors.
	Previous *Edition

	Facts    Facts
	States   []*State
	Vote     Vote
	Meetings []*Meeting

	// FontData are the font files [fonts] names, by fonts.Face, read at
	// load; nil when it names none or one could not be read.
	FontData *[4][]byte

	gaps    []Gap              // values still to fill in
	sources map[string]*source // parsed files, for positions after loading
	ix      index              // lookups by State, built at load
}

// Facts is edition.toml: the edition's own facts and the year's work.
type Facts struct {
	Year                int        `toml:"year,required" doc:"The year of the edition."`
	Title               string     `toml:"title,required" doc:"The report's title."`
	Language            string     `toml:"language" doc:"The document language as a BCP 47 tag; default \"en\"."`
	PresentedBy         string     `toml:"presented_by,required" doc:"The presenting office, as printed under the title."`
	Date                Date       `toml:"date,required" doc:"The date of presentation, a TOML date."`
	StatesParties       int        `toml:"states_parties,required" doc:"The number of States Parties as of this edition."`
	SigningYear         int        `toml:"signing_year,required" doc:"The year the Convention was opened for signature."`
	OriginalSignatories int        `toml:"original_signatories,required" doc:"How many States signed the Convention in its signing year."`
	SourcesNote         string     `toml:"sources_note,required" doc:"The footnote on sources of information for the table of positions (Markdown)."`
	Meeting             MeetingID  `toml:"meeting,required" doc:"The Meeting of the States Parties this report is presented to."`
	Work                Work       `toml:"work,required" doc:"The universalization work of the year."`
	StaleAfterYears     int        `toml:"stale_after_years" doc:"A State's newest quotation older than this many years is warned about; default 5."`
	Changes             []*Change  `toml:"change" doc:"Accessions to and withdrawals from the Convention since the previous edition, one table each."`
	Fonts               *FontFiles `toml:"fonts" doc:"Other TrueType font files to set the PDF in instead of the embedded Liberation Serif; absent means Liberation Serif."`
}

// FontFiles names the four faces of the family the PDF is set in: paths to
// TrueType (.ttf) files, relative to the edition's folder. The same file
// may serve more than one face.
type FontFiles struct {
	Regular    string `toml:"regular,required" doc:"The regular face, e.g. \"fonts/NotoSerif-Regular.ttf\"."`
	Bold       string `toml:"bold,required" doc:"The bold face (headings, table headers)."`
	Italic     string `toml:"italic,required" doc:"The italic face."`
	BoldItalic string `toml:"bold_italic,required" doc:"The bold italic face."`
}

// Change is an accession to or a withdrawal from the Convention.
type Change struct {
	Kind  ChangeKind `toml:"kind,required" doc:"\"accession\" or \"withdrawal\"."`
	State string     `toml:"state,required" doc:"The State's name as the report prints it in running text, e.g. \"Sri Lanka\"."`
	Key   Key        `toml:"key,required" doc:"The State's key, as in states.toml of this or the previous edition."`
	Date  Date       `toml:"date,required" doc:"For an accession, the date the instrument was deposited; for a withdrawal, the date it takes effect."`
}

// MeetingID names the meeting the report is presented to.
type MeetingID struct {
	Number    int    `toml:"number,required" doc:"The meeting's number, e.g. 16."`
	ShortName string `toml:"short_name,required" doc:"The short name, e.g. \"16MSP\"."`
	Name      string `toml:"name,required" doc:"The long name, e.g. \"Sixteenth Meeting of the States Parties\"."`
}

// Work is the President's universalization work during the year. Each
// count may be "not known"; the report then words its sentence without it.
type Work struct {
	Letters              Figure `toml:"letters,required" doc:"How many States not party the President wrote to, or \"not known\"."`
	BilateralMeetings    int    `toml:"bilateral_meetings" doc:"Bilateral meetings held, where known; 0 when not counted."`
	BilateralStates      Figure `toml:"bilateral_states,required" doc:"With how many States not party bilateral meetings were held, or \"not known\"."`
	WorkingGroupMeetings Figure `toml:"working_group_meetings,required" doc:"Meetings of the Informal Working Group on Universalization, or \"not known\"."`
}

// State is a State not party to the Convention.
type State struct {
	Key                 Key            `toml:"key,required" doc:"A stable key: lower-case letters, digits and hyphens, e.g. \"korea-republic-of\"."`
	Name                string         `toml:"name,required" doc:"The name as printed in the table of positions."`
	NameInVote          string         `toml:"name_in_vote" doc:"The name as printed in the vote table; default: name."`
	NameInParticipation string         `toml:"name_in_participation" doc:"The name as printed in the participation table; default: name."`
	NameInText          string         `toml:"name_in_text" doc:"The name in running text, with its article, e.g. \"the Republic of Korea\"; default: name."`
	Signatory           bool           `toml:"signatory" doc:"true if the State signed the Convention; default false."`
	UNMember            *bool          `toml:"un_member" doc:"false if the State is not a member of the United Nations (it then has no vote); default true."`
	Article7Reports     []int          `toml:"article7_reports" doc:"Years in which the State submitted a voluntary Article 7 report."`
	LastParticipation   *Participation `toml:"last_participation" doc:"The last Meeting of the States Parties or Review Conference it took part in; absent if it never took part."`
	Quotations          []*Quotation   `toml:"quotation" doc:"The State's stated positions, newest last; none means no official information was submitted."`

	Index int // position in states.toml, 0-based
}

// Participation is a State's last participation in a formal meeting.
type Participation struct {
	Meeting string `toml:"meeting,required" doc:"The meeting as printed, e.g. \"9MSP\" or \"Second Review Conference\"."`
	Year    int    `toml:"year,required" doc:"The year of that meeting."`
}

// Quotation is one stated position: verbatim text and its citation.
type Quotation struct {
	Text     string `toml:"text,required" doc:"The quotation, verbatim, as Markdown; blank lines separate its paragraphs."`
	Occasion string `toml:"occasion,required" doc:"Where it was stated, e.g. \"10MSP\" or \"Information sent to the ISU\"."`
	Date     string `toml:"date" doc:"The date as printed, e.g. \"2010\" or \"4 December 1997\"; may be omitted when the occasion says it."`
}

// Vote is the year's UNGA vote on the Convention's implementation
// resolution, for the States not party: in the First Committee or in the
// plenary.
type Vote struct {
	Year       int      `toml:"year,required" doc:"The year of the vote."`
	Body       VoteBody `toml:"body,required" doc:"Where the vote was taken: \"first-committee\" (the UNGA First Committee) or \"plenary\" (the General Assembly in plenary)."`
	Resolution string   `toml:"resolution" doc:"The resolution's symbol, e.g. \"A/RES/73/61\" or \"A/C.1/72/L.36\"."`
	Session    int      `toml:"session" doc:"The session of the General Assembly, e.g. 73."`
	Date       Date     `toml:"date" doc:"The date of the vote, a TOML date."`
	InFavour   KeyList  `toml:"in_favour,required" doc:"Keys of the States that voted in favour."`
	Abstained  KeyList  `toml:"abstained,required" doc:"Keys of the States that abstained."`
	NotPresent KeyList  `toml:"not_present,required" doc:"Keys of the States that were not present."`
}

// Meeting is a Convention meeting in the participation table.
type Meeting struct {
	Key      Key         `toml:"key,required" doc:"A stable key, e.g. \"2014-intersessional\"."`
	Year     int         `toml:"year,required" doc:"The year it was held."`
	Kind     MeetingKind `toml:"kind,required" doc:"One of \"intersessional\", \"review-conference\", \"msp\"."`
	Label    string      `toml:"label,required" doc:"The column heading, e.g. \"14MSP\"."`
	Name     string      `toml:"name" doc:"The name in running text, e.g. \"Third Review Conference\"; default: label."`
	Dates    string      `toml:"dates" doc:"The dates as printed, e.g. \"8-9 June 2017\"."`
	Attended Attendance  `toml:"attended" doc:"Keys of the States not party that took part, or \"not known\"."`

	Index int

	attendees map[Key]bool // Attended.Keys as a set, built at load
}
