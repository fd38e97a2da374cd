package edition

import "reflect"

// KeyDoc describes one key that the loader accepts.
type KeyDoc struct {
	File     string // e.g. states.toml
	Path     string // dotted, with [] for arrays of tables: "state[].quotation[].text"
	Type     string // in editors' words: text, whole number, date, …
	Required bool
	Doc      string
}

// Schema lists every key of every file, in file and field order. It is
// read from the model's struct tags, so it cannot drift from the loader.
func Schema() []KeyDoc {
	var out []KeyDoc
	tops := map[string]reflect.Type{
		FactsFile:    reflect.TypeFor[Facts](),
		StatesFile:   reflect.TypeFor[statesDoc](),
		VoteFile:     reflect.TypeFor[Vote](),
		MeetingsFile: reflect.TypeFor[meetingsDoc](),
	}
	for _, f := range Files {
		out = schemaOf(out, f, "", tops[f])
	}
	return out
}

func schemaOf(out []KeyDoc, file, prefix string, t reflect.Type) []KeyDoc {
	for i := range t.NumField() {
		f := t.Field(i)
		name, required, ok := fieldKey(f)
		if !ok {
			continue
		}
		path := join(prefix, name)
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		doc := KeyDoc{File: file, Path: path, Type: typeWords(ft), Required: required, Doc: f.Tag.Get("doc")}
		out = append(out, doc)
		switch {
		case ft.Kind() == reflect.Struct && ft != dateType:
			out = schemaOf(out, file, path, ft)
		case ft.Kind() == reflect.Slice && elem(ft).Kind() == reflect.Struct:
			out = schemaOf(out, file, path+"[]", elem(ft))
		}
	}
	return out
}

func elem(t reflect.Type) reflect.Type {
	t = t.Elem()
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

func typeWords(t reflect.Type) string {
	switch {
	case t == dateType:
		return "date"
	case t == reflect.TypeFor[Key]():
		return "key"
	case t == reflect.TypeFor[MeetingKind]():
		return "meeting kind"
	case t == reflect.TypeFor[ChangeKind]():
		return "change kind"
	case t.Kind() == reflect.String:
		return "text"
	case t.Kind() == reflect.Int:
		return "whole number"
	case t.Kind() == reflect.Bool:
		return "true/false"
	case t.Kind() == reflect.Struct:
		return "table"
	case t.Kind() == reflect.Slice && elem(t).Kind() == reflect.Struct:
		return "array of tables"
	case t.Kind() == reflect.Slice:
		return "list of " + typeWords(elem(t)) + "s"
	}
	return t.String()
}
