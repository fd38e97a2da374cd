package edition_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"unireport/internal/edition"
)

// findModuleRoot walks up from the working directory to the folder that
// holds go.mod.
func findModuleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}

// docSections splits a Markdown document at its "## " headings and returns,
// for each edition file named in backticks in a heading, the text of that
// section (up to the next "## " heading).
func docSections(doc string) map[string]string {
	out := map[string]string{}
	var file string
	for _, line := range strings.SplitAfter(doc, "\n") {
		if strings.HasPrefix(line, "## ") {
			file = ""
			for _, f := range edition.Files {
				if strings.Contains(line, "`"+f+"`") {
					file = f
				}
			}
		}
		if file != "" {
			out[file] += line
		}
	}
	return out
}

var backticked = regexp.MustCompile("`([^`\n]+)`")

// TestSchemaDocumented checks that docs/data-format.md documents every key
// the loader accepts: each Schema() path must appear in backticks, exactly as
// Schema spells it, in the section on its file (a "## " heading naming the
// file in backticks, e.g. "## `states.toml`: the States not party").
func TestSchemaDocumented(t *testing.T) {
	path := filepath.Join(findModuleRoot(t), "docs", "data-format.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the data format must be documented for editors: %v", err)
	}
	sections := docSections(string(b))
	documented := map[string]map[string]bool{}
	for _, f := range edition.Files {
		section, ok := sections[f]
		if !ok {
			t.Errorf("%s: no section on %s (a \"## \" heading naming `%s`)", path, f, f)
			continue
		}
		documented[f] = map[string]bool{}
		for _, m := range backticked.FindAllStringSubmatch(section, -1) {
			documented[f][m[1]] = true
		}
	}
	var missing []string
	for _, k := range edition.Schema() {
		if documented[k.File] != nil && !documented[k.File][k.Path] {
			missing = append(missing, k.File+": `"+k.Path+"`")
		}
	}
	if len(missing) > 0 {
		t.Errorf("%s does not document these keys (write each as its dotted path in backticks, in the section on its file):\n\t%s",
			path, strings.Join(missing, "\n\t"))
	}
}
