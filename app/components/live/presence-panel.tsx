import { useTranslation } from "react-i18next";
import type { LiveRoom } from "~/live/use-live-room";

/** Who is here, split between the room and remote, updated as people come and go. */
export function PresencePanel({ live }: { live: LiveRoom }) {
  const { t } = useTranslation("live");
  const present = live.snapshot?.present ?? [];
  const inPerson = present.filter((person) => person.mode === "IN_PERSON");
  const remote = present.filter((person) => person.mode === "REMOTE");
  return (
    <section className="card live-panel" aria-labelledby="presence-title">
      <h2 id="presence-title">{t("presence.title", { count: present.length })}</h2>
      <div className="presence-columns">
        {[
          { key: "inPerson", people: inPerson },
          { key: "remote", people: remote },
        ].map(({ key, people }) => (
          <div key={key}>
            <h3>
              {t(`presence.${key}`)} <span className="badge">{people.length}</span>
            </h3>
            <ul className="presence-list" aria-live="polite">
              {people.map((person) => (
                <li key={person.userId} dir="auto">
                  {person.name}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
