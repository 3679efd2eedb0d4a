import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, useState, type CSSProperties, type FocusEvent, type FormEvent, type KeyboardEvent, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { COLOURS, elementsOf, type BoardElement } from "~/boards/document";
import { addNoteToSection, deleteElementsRestorably, moveNoteToSection, restoreElements, saveTextDraft, setFields, startTextDraft, type TextDraft } from "~/boards/editing";
import { countChange, excerpt, NO_CHANGES, noteVotes, outlineOf, type ChangeCounts, type OutlineGroup } from "~/boards/outline";
import { DEFAULT_LANGUAGE, INTL_LOCALE } from "~/i18n/config";
import { useRootData } from "~/root";
import { PALETTE } from "./board-scene";
import type { BoardVoting } from "./use-board-voting";

/**
 * The board as a structured list, for keyboards and screen readers and small screens: sections in reading order with
 * their notes, editable in place, following everyone's changes live. Text typed in a note stays on this page until
 * it is saved (Enter or leaving the field), then lands as a change to what the note says by then, so that what
 * others wrote meanwhile stays. Others' additions and deletions are summed up and spoken every few seconds.
 */

interface BoardOutlineProps {
  doc: Y.Doc;
  elements: BoardElement[];
  editable: boolean;
  user: { id: string; name: string };
  authorNames: Record<string, string>;
  /** The page's transaction origin, tracked by its undo manager. */
  origin: object;
  voting: BoardVoting | null;
}

/** Others' changes are spoken at most this often, summed up, so that a busy board does not talk over the person. */
const ANNOUNCE_EVERY_MS = 2_500;
const NO_SECTION = "none";
const UNDO_ID = "outline-undo";

interface HeldText {
  draft: TextDraft;
  value: string;
}

interface Deleted {
  noteId: string;
  groupKey: string;
  text: string;
  elements: BoardElement[];
}

interface OutlineContextValue {
  doc: Y.Doc;
  origin: object;
  editable: boolean;
  voting: BoardVoting | null;
  /** Text being typed, by element id: kept when its field is made anew (a note moved to another section). */
  drafts: Map<string, HeldText>;
  sections: Array<{ key: string; title: string }>;
  announce(text: string): void;
  focusLater(id: string): void;
  onDeleted(deleted: Deleted): void;
}

const OutlineContext = createContext<OutlineContextValue | null>(null);

function useOutline(): OutlineContextValue {
  const value = useContext(OutlineContext);
  if (!value) throw new Error("useOutline outside BoardOutline");
  return value;
}

const groupKeyOf = (group: OutlineGroup) => group.section?.id ?? NO_SECTION;
const controlId = (elementId: string, control: string) => `outline-${elementId}-${control}`;

export function BoardOutline({ doc, elements, editable, user, authorNames, origin, voting }: BoardOutlineProps) {
  const { t } = useTranslation("boardOutline");
  const outline = useMemo(() => outlineOf(elements), [elements]);
  const root = useRef<HTMLDivElement>(null);
  const focus = useFocusKeeper(root);
  const [spoken, setSpoken] = useState({ text: "", count: 0 });
  const announce = useCallback((text: string) => setSpoken((previous) => ({ text, count: previous.count + 1 })), []);
  const drafts = useRef(new Map<string, HeldText>()).current;
  const [deleted, setDeleted] = useState<Deleted | null>(null);

  useRemoteChangeSummary(doc, (counts) => {
    const parts = (["notesAdded", "notesRemoved", "sectionsAdded", "sectionsRemoved"] as const).filter((kind) => counts[kind] > 0);
    if (parts.length > 0) announce(parts.map((kind) => t(`announce.${kind}`, { count: counts[kind] })).join(" "));
  });

  useEffect(() => {
    const present = new Set(elements.map((element) => element.id));
    for (const id of drafts.keys()) if (!present.has(id)) drafts.delete(id);
  }, [elements, drafts]);

  const sectionTitle = useCallback((section: BoardElement | null) => (section ? section.text.trim() || t("section.untitled") : t("section.none")), [t]);
  const sections = useMemo(
    () => [...outline.groups.filter((group) => group.section).map((group) => ({ key: groupKeyOf(group), title: sectionTitle(group.section) })), { key: NO_SECTION, title: sectionTitle(null) }],
    [outline, sectionTitle],
  );

  const context = useMemo<OutlineContextValue>(
    () => ({
      doc,
      origin,
      editable,
      voting,
      drafts,
      sections,
      announce,
      focusLater: focus.request,
      onDeleted(next) {
        setDeleted(next);
        focus.request(UNDO_ID);
        announce(t("deleted.message", { excerpt: excerpt(next.text) }));
      },
    }),
    [doc, origin, editable, voting, drafts, sections, announce, focus.request, t],
  );

  function undoDelete() {
    if (!deleted) return;
    restoreElements(doc, deleted.elements, origin);
    setDeleted(null);
    focus.request(controlId(deleted.noteId, "text"));
    announce(t("announce.restored"));
  }

  const loaded = elements.length > 0 || doc.store.clients.size > 0;
  const shownGroups = outline.groups.filter((group) => group.section || group.notes.length > 0 || group.others.length > 0 || editable);
  const deletedNotice = deleted ? <DeletedNotice deleted={deleted} onUndo={undoDelete} /> : null;
  const deletedGroupShown = deleted !== null && shownGroups.some((group) => groupKeyOf(group) === deleted.groupKey);

  return (
    <OutlineContext.Provider value={context}>
      <div className="board-outline" ref={root} onFocus={focus.onFocus} onBlur={focus.onBlur} onKeyDown={(event) => moveBetweenNotes(event, root)}>
        <div className="board-outline__intro">
          <p>{t("intro")}</p>
          {editable ? (
            <p className="muted" id="outline-keyboard">
              {t("keyboard")}
            </p>
          ) : (
            <p className="muted">{t("readOnly")}</p>
          )}
          <VotingSummary voting={voting} editable={editable} />
        </div>
        <div role="status" className="visually-hidden">
          <span key={spoken.count}>{spoken.text}</span>
        </div>
        {deletedGroupShown ? null : deletedNotice}
        {!loaded ? <p className="muted">{t("loading")}</p> : shownGroups.length === 0 ? <p className="muted">{t("empty")}</p> : null}
        {shownGroups.map((group) => (
          <SectionBlock key={groupKeyOf(group)} group={group} title={sectionTitle(group.section)} authorNames={authorNames} user={user}>
            {deleted?.groupKey === groupKeyOf(group) ? deletedNotice : null}
          </SectionBlock>
        ))}
        {outline.links.length > 0 ? (
          <section className="outline-section" aria-labelledby="outline-links">
            <h2 id="outline-links">{t("links.title")}</h2>
            <ul className="outline-others">
              {outline.links.map((link) => (
                <li key={link.id}>
                  <ElementName element={link.from} /> {t("links.to")} <ElementName element={link.to} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </OutlineContext.Provider>
  );
}

function ElementName({ element }: { element: BoardElement }) {
  const { t } = useTranslation("boardEditor");
  return <bdi>{excerpt(element.text) || t(`types.${element.type}`)}</bdi>;
}

function SectionBlock({ group, title, authorNames, user, children }: { group: OutlineGroup; title: string; authorNames: Record<string, string>; user: { id: string }; children: React.ReactNode }) {
  const { t } = useTranslation("boardOutline");
  const { t: tEditor } = useTranslation("boardEditor");
  const { editable } = useOutline();
  const key = groupKeyOf(group);
  const headingId = `outline-section-${key}`;
  const colour = group.section ? PALETTE[group.section.colour] : null;
  return (
    <section className="outline-section" aria-labelledby={headingId} style={colour ? ({ "--section-stroke": colour.stroke } as CSSProperties) : undefined}>
      <div className="outline-section__head">
        <h2 id={headingId} dir="auto">
          {title}
        </h2>
        <p className="muted">{t("section.count", { count: group.notes.length })}</p>
        {editable && group.section ? <RenameSection section={group.section} title={title} /> : null}
      </div>
      {group.notes.length > 0 ? (
        <ul className="outline-notes">
          {group.notes.map((note, index) => (
            <NoteItem key={note.id} note={note} groupKey={key} sectionTitle={title} position={index + 1} total={group.notes.length} authorName={note.authorId ? authorNames[note.authorId] : undefined} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t("section.noNotes")}</p>
      )}
      {group.others.length > 0 ? (
        <>
          <h3 className="outline-others__title">{t("section.others")}</h3>
          <ul className="outline-others">
            {group.others.map((other) => (
              <li key={other.id}>
                <span className="outline-others__kind">{other.type === "shape" && other.shape ? tEditor(`shapes.${other.shape}`) : t("other.text")}</span>{" "}
                <span dir="auto">{other.text}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {children}
      {editable ? <AddNote section={group.section} groupKey={key} title={title} authorId={user.id} /> : null}
    </section>
  );
}

interface NoteItemProps {
  note: BoardElement;
  groupKey: string;
  sectionTitle: string;
  position: number;
  total: number;
  authorName: string | undefined;
}

function NoteItem({ note, groupKey, sectionTitle, position, total, authorName }: NoteItemProps) {
  const { t } = useTranslation("boardOutline");
  const { t: tEditor } = useTranslation("boardEditor");
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const { editable, voting } = useOutline();
  const votes = noteVotes(voting, note.id);
  const palette = PALETTE[note.colour];
  const written = note.text.trim() !== "";
  return (
    <li className="outline-note" style={{ "--note-fill": palette.fill, "--note-stroke": palette.stroke } as CSSProperties}>
      {editable ? (
        <NoteText note={note} label={t("note.textLabel", { position, total, section: sectionTitle })} />
      ) : (
        <p dir="auto" className={written ? "outline-note__text" : "outline-note__text outline-note__text--empty"}>
          {written ? note.text : t("note.empty")}
        </p>
      )}
      <p className="outline-note__meta">
        <span>
          {t("note.by")} <bdi>{authorName ?? t("note.unknownAuthor")}</bdi>
        </span>
        {editable ? null : (
          <span>
            <span className="outline-swatch" aria-hidden="true" />
            {tEditor(`colours.${note.colour}`)}
          </span>
        )}
        {votes?.kind === "open" && editable ? <span>{t("votes.mine", { count: votes.mine })}</span> : null}
        {votes?.kind === "closed" && votes.count > 0 ? (
          <span>
            {t("votes.count", { count: votes.count })}
            {votes.voters ? (
              <>
                {" · "}
                {t("votes.voters")} <bdi>{new Intl.ListFormat(INTL_LOCALE[language], { type: "conjunction" }).format(votes.voters)}</bdi>
              </>
            ) : null}
          </span>
        ) : null}
      </p>
      {editable ? <NoteControls note={note} groupKey={groupKey} votes={votes} /> : null}
    </li>
  );
}

/** A note's text, editable; what is typed stays here until saved, whatever others change meanwhile. */
function NoteText({ note, label }: { note: BoardElement; label: string }) {
  const { t } = useTranslation("boardOutline");
  const { announce } = useOutline();
  const held = useHeldText(note.id, note.text);
  const id = controlId(note.id, "text");
  const noticeId = controlId(note.id, "changed");
  useEffect(() => {
    if (held.changedMeanwhile) announce(t("announce.changedMeanwhile"));
  }, [held.changedMeanwhile, announce, t]);

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      held.save();
    } else if (event.key === "Escape" && held.active) {
      event.preventDefault();
      held.cancel();
    }
  }

  return (
    <div className="outline-note__body">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        data-outline-control="text"
        dir="auto"
        rows={2}
        value={held.value}
        onChange={(event) => held.change(event.target.value)}
        onBlur={() => held.save()}
        onKeyDown={onKeyDown}
        aria-describedby={held.changedMeanwhile ? `${noticeId} outline-keyboard` : "outline-keyboard"}
      />
      {held.changedMeanwhile ? (
        <p className="outline-note__notice" id={noticeId}>
          {t("note.changedMeanwhile", { text: excerpt(note.text, 120) || t("note.empty") })}
        </p>
      ) : null}
    </div>
  );
}

function NoteControls({ note, groupKey, votes }: { note: BoardElement; groupKey: string; votes: ReturnType<typeof noteVotes> }) {
  const { t } = useTranslation("boardOutline");
  const { t: tEditor } = useTranslation("boardEditor");
  const { doc, origin, sections, voting, announce, onDeleted } = useOutline();
  const [target, setTarget] = useState(groupKey);
  const about = note.text.trim() ? t("note.about", { excerpt: excerpt(note.text, 40) }) : t("note.aboutEmpty");
  const hidden = <span className="visually-hidden"> {about}</span>;

  function move() {
    const destination = sections.find((section) => section.key === target);
    if (!destination || target === groupKey) return;
    moveNoteToSection(doc, { noteId: note.id, sectionId: target === NO_SECTION ? null : target }, origin);
    announce(t("announce.moved", { section: destination.title }));
  }

  function remove() {
    onDeleted({ noteId: note.id, groupKey, text: note.text, elements: deleteElementsRestorably(doc, [note.id], origin) });
  }

  function vote(add: boolean) {
    if (!voting || votes?.kind !== "open") return;
    if (add) voting.cast(note.id);
    else voting.retract(note.id);
    const mine = votes.mine + (add ? 1 : -1);
    announce(`${t("votes.mine", { count: mine })} ${t("votes.dotsLeft", { count: voting.dotsLeft + (add ? -1 : 1) })}`);
  }

  return (
    <div className="outline-note__controls">
      <label className="outline-control" htmlFor={controlId(note.id, "colour")}>
        <span className="outline-swatch" aria-hidden="true" />
        <span>
          {t("note.colour")}
          {hidden}
        </span>
      </label>
      <select
        id={controlId(note.id, "colour")}
        value={note.colour}
        onChange={(event) => {
          const colour = COLOURS.find((candidate) => candidate === event.target.value);
          if (colour) setFields(doc, { [note.id]: { colour } }, origin);
        }}
      >
        {COLOURS.map((colour) => (
          <option key={colour} value={colour}>
            {tEditor(`colours.${colour}`)}
          </option>
        ))}
      </select>
      <label className="outline-control" htmlFor={controlId(note.id, "section")}>
        <span>
          {t("note.section")}
          {hidden}
        </span>
      </label>
      <select id={controlId(note.id, "section")} value={target} onChange={(event) => setTarget(event.target.value)} dir="auto">
        {sections.map((section) => (
          <option key={section.key} value={section.key}>
            {section.title}
          </option>
        ))}
      </select>
      <button type="button" className="button" id={controlId(note.id, "move")} data-outline-control="move" onClick={move}>
        {t("note.move")}
        {hidden}
      </button>
      <button type="button" className="button button--danger" id={controlId(note.id, "delete")} data-outline-control="delete" onClick={remove}>
        {t("note.delete")}
        {hidden}
      </button>
      {votes?.kind === "open" ? (
        <>
          <button type="button" className="button" id={controlId(note.id, "dot-add")} data-outline-control="dot-add" disabled={!votes.canAdd} onClick={() => vote(true)}>
            {t("votes.add")}
            {hidden}
          </button>
          <button type="button" className="button" id={controlId(note.id, "dot-remove")} data-outline-control="dot-remove" disabled={!votes.canRemove} onClick={() => vote(false)}>
            {t("votes.remove")}
            {hidden}
          </button>
        </>
      ) : null}
    </div>
  );
}

function RenameSection({ section, title }: { section: BoardElement; title: string }) {
  const { t } = useTranslation("boardOutline");
  const { announce, focusLater } = useOutline();
  const held = useHeldText(section.id, section.text);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const buttonId = controlId(section.id, "rename");
  const inputId = controlId(section.id, "title");

  useEffect(() => {
    if (open) input.current?.select();
  }, [open]);

  function close() {
    setOpen(false);
    focusLater(buttonId);
  }

  function save(event: FormEvent) {
    event.preventDefault();
    if (held.save()) announce(t("announce.renamed"));
    close();
  }

  if (!open) {
    return (
      <button type="button" className="button button--quiet" id={buttonId} onClick={() => setOpen(true)}>
        {t("section.rename")}
        <span className="visually-hidden"> {t("section.about", { title })}</span>
      </button>
    );
  }
  return (
    <form className="outline-rename" onSubmit={save}>
      <label htmlFor={inputId}>{t("section.renameLabel")}</label>
      <input
        ref={input}
        id={inputId}
        dir="auto"
        value={held.value}
        onChange={(event) => held.change(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== "Escape") return;
          event.preventDefault();
          held.cancel();
          close();
        }}
      />
      <div className="row">
        <button type="submit" className="button button--primary">
          {t("section.save")}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            held.cancel();
            close();
          }}
        >
          {t("section.cancel")}
        </button>
      </div>
    </form>
  );
}

function AddNote({ section, groupKey, title, authorId }: { section: BoardElement | null; groupKey: string; title: string; authorId: string }) {
  const { t } = useTranslation("boardOutline");
  const { doc, origin, announce } = useOutline();
  const [text, setText] = useState("");
  const [empty, setEmpty] = useState(false);
  const inputId = `outline-add-${groupKey}`;
  const errorId = `${inputId}-error`;
  const about = section ? t("section.about", { title }) : t("section.aboutNone");

  function add(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    setEmpty(!value);
    if (!value) return;
    addNoteToSection(doc, { sectionId: section?.id ?? null, text: value, authorId }, origin);
    setText("");
    announce(t("announce.added", { section: title }));
  }

  return (
    <form className="outline-add" onSubmit={add}>
      <label htmlFor={inputId}>
        {t("add.label")}
        <span className="visually-hidden"> {about}</span>
      </label>
      <div className="outline-add__row">
        <input id={inputId} dir="auto" value={text} onChange={(event) => setText(event.target.value)} aria-invalid={empty || undefined} aria-describedby={empty ? errorId : undefined} />
        <button type="submit" className="button">
          {t("add.button")}
          <span className="visually-hidden"> {about}</span>
        </button>
      </div>
      {empty ? (
        <p className="field__error" id={errorId}>
          {t("add.empty")}
        </p>
      ) : null}
    </form>
  );
}

function DeletedNotice({ deleted, onUndo }: { deleted: Deleted; onUndo(): void }) {
  const { t } = useTranslation("boardOutline");
  const short = excerpt(deleted.text, 40);
  return (
    <div className="alert alert--info outline-deleted">
      <p dir="auto">{t("deleted.message", { excerpt: short })}</p>
      <button type="button" className="button" id={UNDO_ID} onClick={onUndo}>
        {t("deleted.undo")}
        <span className="visually-hidden"> {short ? t("note.about", { excerpt: short }) : t("note.aboutEmpty")}</span>
      </button>
    </div>
  );
}

function VotingSummary({ voting, editable }: { voting: BoardVoting | null; editable: boolean }) {
  const { t } = useTranslation("boardOutline");
  if (!voting?.round) return null;
  const open = voting.round.status === "OPEN";
  return (
    <div className="outline-voting">
      <p>
        {open ? t("votes.open") : t("votes.closed")}
        {open && editable ? <strong> {t("votes.dotsLeft", { count: voting.dotsLeft })}</strong> : null}
      </p>
      {voting.round.question ? (
        <p>
          {t("votes.question")} <bdi>{voting.round.question}</bdi>
        </p>
      ) : null}
      {voting.error ? <p className="field__error">{voting.error}</p> : null}
    </div>
  );
}

/**
 * Text being edited in a field of the outline, held in the outline's drafts until saved or cancelled: the one copy
 * that a field made anew (its note moved to another section) goes on with, and that is saved once only. Saving
 * applies the person's change to the text as it is by then (saveTextDraft), so that others' changes stay.
 */
function useHeldText(id: string, text: string) {
  const { doc, origin, drafts } = useOutline();
  const [, rerender] = useReducer((version: number) => version + 1, 0);
  const held = drafts.get(id) ?? null;
  const hold = (next: HeldText | null) => {
    if (next) drafts.set(id, next);
    else drafts.delete(id);
    rerender();
  };
  return {
    value: held?.value ?? text,
    active: held !== null,
    changedMeanwhile: held !== null && held.draft.base !== text,
    change: (value: string) => hold({ draft: drafts.get(id)?.draft ?? startTextDraft(doc, id), value }),
    /** Whether there was anything to save. */
    save(): boolean {
      const current = drafts.get(id);
      if (!current) return false;
      hold(null);
      if (current.value !== current.draft.base) saveTextDraft(doc, current.draft, current.value, origin);
      return true;
    },
    cancel: () => hold(null),
  };
}

/**
 * Keyboard focus stays on a control when React makes it anew elsewhere (a note moved to another section, from here
 * or by someone else) and goes where the outline asks after an action removed the focused control; a person who
 * moved the focus elsewhere keeps it there.
 */
function useFocusKeeper(root: RefObject<HTMLElement>) {
  const wanted = useRef<{ id: string; selection: [number, number] | null } | null>(null);

  useEffect(() => {
    const target = wanted.current;
    const active = document.activeElement;
    if (!target || (active && active !== document.body)) return;
    const element = document.getElementById(target.id);
    if (!element || !root.current?.contains(element)) return;
    element.focus();
    if (target.selection && (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement)) element.setSelectionRange(...target.selection);
  });

  const request = useCallback((id: string) => {
    wanted.current = { id, selection: null };
  }, []);

  return {
    request,
    onFocus(event: FocusEvent) {
      if (event.target.id) wanted.current = { id: event.target.id, selection: null };
    },
    onBlur(event: FocusEvent) {
      const left = event.target;
      const current = wanted.current;
      if (current?.id !== left.id) return;
      if (left instanceof HTMLTextAreaElement || left instanceof HTMLInputElement) current.selection = [left.selectionStart ?? 0, left.selectionEnd ?? 0];
      if (event.relatedTarget) {
        wanted.current = null;
        return;
      }
      // Left for nowhere, or taken out of the page: only in the second case does its copy take the focus back.
      setTimeout(() => {
        if (left.isConnected && wanted.current === current) wanted.current = null;
      });
    },
  };
}

/** Up and down arrows on a note's button (or at the very end or start of its text) go to the same one in the next or previous note. */
function moveBetweenNotes(event: KeyboardEvent<HTMLElement>, root: RefObject<HTMLElement>) {
  if ((event.key !== "ArrowDown" && event.key !== "ArrowUp") || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return;
  const from = event.target as HTMLElement;
  const control = from.dataset.outlineControl;
  if (!control) return;
  const down = event.key === "ArrowDown";
  if (from instanceof HTMLTextAreaElement) {
    const edge = down ? from.value.length : 0;
    if (from.selectionStart !== edge || from.selectionEnd !== edge) return;
  }
  const all = Array.from(root.current?.querySelectorAll<HTMLElement>(`[data-outline-control="${control}"]`) ?? []).filter((element) => !(element instanceof HTMLButtonElement && element.disabled));
  const next = all[all.indexOf(from) + (down ? 1 : -1)];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/** Others' additions and deletions of notes and sections, summed up and handed over at most every few seconds. */
function useRemoteChangeSummary(doc: Y.Doc, speak: (counts: ChangeCounts) => void) {
  const latestSpeak = useRef(speak);
  latestSpeak.current = speak;
  useEffect(() => {
    const elements = elementsOf(doc);
    // A deleted element's own fields are gone by the time the change is observed: its type is remembered here.
    const types = new Map<string, unknown>();
    elements.forEach((element, id) => types.set(id, element.get("type")));
    let pending = NO_CHANGES;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      const counts = pending;
      pending = NO_CHANGES;
      latestSpeak.current(counts);
    };
    const observe = (event: Y.YMapEvent<Y.Map<unknown>>) => {
      // A document that had nothing before is the board loading, not news; one's own changes are not news either.
      const news = !event.transaction.local && event.transaction.beforeState.size > 0;
      for (const [id, change] of event.changes.keys) {
        const type = change.action === "delete" ? types.get(id) : elements.get(id)?.get("type");
        if (change.action === "delete") types.delete(id);
        else types.set(id, type);
        if (news && change.action !== "update") pending = countChange(pending, type, change.action === "add" ? "added" : "removed");
      }
      if (pending !== NO_CHANGES && !timer) timer = setTimeout(flush, ANNOUNCE_EVERY_MS);
    };
    elements.observe(observe);
    return () => {
      elements.unobserve(observe);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
}
