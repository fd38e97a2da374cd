package tomlpos

import "testing"

const doc = `# comment
year = 2017
[meeting]
number = 16 # trailing

[[state]]
key = "armenia"
last_participation = { meeting = "9MSP", year = 2008 }

[[state.quotation]]
text = '''
first
line = not a key
'''
occasion = "x"

[[state]]
key = "azerbaijan"
"quoted key" = 1

[[state.quotation]]
text = """a \""" b"""
list = [
  "one", # c
  "two",
]
`

func TestScan(t *testing.T) {
	ix := Scan(doc)
	for _, c := range []struct {
		path      string
		line, col int
		value     bool
	}{
		{"year", 2, 1, false},
		{"meeting", 3, 1, false},
		{"meeting.number", 4, 1, false},
		{"state[0]", 6, 1, false},
		{"state[0].key", 7, 1, false},
		{"state[0].last_participation.meeting", 8, 24, false},
		{"state[0].last_participation.year", 8, 42, false},
		{"state[0].last_participation.year", 8, 49, true},
		{"state[0].quotation[0].text", 11, 1, false},
		{"state[0].quotation[0].occasion", 15, 1, false},
		{"state[1].key", 18, 1, false},
		{"state[1].quoted key", 19, 1, false},
		{"state[1].quotation[0].text", 22, 1, false},
		{"state[1].quotation[0].list[0]", 24, 3, true},
		{"state[1].quotation[0].list[1]", 25, 3, true},
	} {
		get := ix.Key
		if c.value {
			get = ix.Value
		}
		p, ok := get(c.path)
		if !ok || p.Line != c.line || p.Col != c.col {
			t.Errorf("%s (value %v) = %v %v, want %d:%d", c.path, c.value, p, ok, c.line, c.col)
		}
	}
	if _, ok := ix.Key("state[0].quotation[0].line"); ok {
		t.Error("text inside a multi-line string was taken for a key")
	}
}

func TestScanInvalidDoesNotHang(t *testing.T) {
	for _, src := range []string{"[", "a = [1,", "a = {", `a = """`, "= 1", "[[a", "a.=1", "\x00"} {
		Scan(src)
	}
}

func TestStrings(t *testing.T) {
	src := "a = \"héllo\"\nb = '''\nx😀y\n'''\nc = [\"p\", 'q']\n"
	ix := Scan(src)
	var got []string
	for _, sp := range ix.Strings() {
		got = append(got, sp.Path+"="+src[sp.Start:sp.End])
	}
	want := []string{"a=héllo", "b=\nx😀y\n", "c[0]=p", "c[1]=q"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("string %d = %q, want %q", i, got[i], want[i])
		}
	}
	if p := ix.Strings()[0].Pos; p.Line != 1 || p.Col != 6 {
		t.Errorf("a starts at %v, want 1:6", p)
	}
}
