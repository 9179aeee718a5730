/**
 * The runtime model of an app: the state the engine is handed and hands back, the events it
 * handles, the effects it asks the caller to perform, and the explanations it gives. Pure
 * data, JSON-serialisable: a caller can store it, diff it, replay it.
 */
import type { Patch } from 'immer';
import type { Diagnostic, LocalizedText, Locale } from '../diagnostics/types.js';
import type { TraceNode } from '../expr/types.js';

/** A UTC instant in epoch milliseconds. */
export type Instant = number;

/** Text as a definition gives it: one string, or one per locale (either may be left out). */
export type DisplayText = string | Readonly<Partial<LocalizedText>>;

// ─── People ────────────────────────────────────────────────────────────────────────────

/** A user of the app as the caller's directory knows them (outside facts, passed in). */
export interface DirectoryUser {
  readonly id: string;
  readonly label?: DisplayText;
  readonly roles?: readonly string[];
  readonly teams?: readonly string[];
  /** The user's manager (user id): recipients such as "the owner's manager" resolve through it. */
  readonly manager?: string;
  /** Status such as 出差 / 休假 (routing and approvals may skip unavailable users). */
  readonly status?: string;
}

/** Who did something. Absent actor: the system (an automation, a timer). */
export interface Actor {
  readonly id: string;
  readonly roles?: readonly string[];
}

/** What `handle` and friends need besides state and event. Time never comes from a clock. */
export interface HandleContext {
  /** When the event happens: UTC epoch ms or ISO 8601 with an offset. */
  readonly now: Instant | string;
  readonly actor?: Actor;
  /** Users, roles and managers, to resolve recipients and approvers. */
  readonly users?: readonly DirectoryUser[];
  /** Language of rendered messages (templates with both languages keep both). Default: the app's. */
  readonly locale?: Locale;
}

// ─── Records and state ─────────────────────────────────────────────────────────────────

/** One stay of a record in a stage. */
export interface StageVisit {
  readonly stage: string;
  readonly enteredAt: Instant;
  readonly leftAt?: Instant;
  /** The user who moved it there (absent: created there or moved by the system). */
  readonly by?: string;
}

/** A colour/flag an automation put on a record (S3 red, S35 high intent). */
export interface RecordMark {
  readonly color?: string;
  readonly flag?: string;
  readonly reason?: DisplayText;
  readonly at: Instant;
  /** The automation (or timer) that set it. */
  readonly by?: string;
}

/** A decision on an approval step. */
export interface ApprovalDecision {
  readonly by: string;
  readonly decision: 'approve' | 'reject';
  readonly at: Instant;
  readonly comment?: string;
}

/** The state of one step of a running approval. */
export interface ApprovalStepState {
  readonly id: string;
  /** `waiting`: an earlier step is not done; `skipped`: its `when` was false. */
  readonly status: 'waiting' | 'pending' | 'approved' | 'rejected' | 'skipped';
  /** `filing` steps (S9c 法务备案) record a filing instead of a decision. */
  readonly kind: 'approve' | 'file';
  readonly mode: 'first' | 'unanimous';
  /** Resolved user ids who may decide. */
  readonly approvers: readonly string[];
  readonly decisions: readonly ApprovalDecision[];
}

/** An approval a transition requires, while it runs and after it ends. */
export interface ApprovalState {
  /** Approval definition id (unique within the transition). */
  readonly id: string;
  readonly pipeline: string;
  readonly transition: string;
  readonly from: string;
  readonly to: string;
  /**
   * `cancelled`: another approval of the same request was rejected or recalled, so the move
   * it waited for cannot happen; its steps stay as they were when it ended.
   */
  readonly status: 'pending' | 'approved' | 'rejected' | 'recalled' | 'cancelled';
  readonly steps: readonly ApprovalStepState[];
  readonly requestedAt: Instant;
  readonly requestedBy?: string;
  readonly endedAt?: Instant;
  /** For a `cancelled` approval: the id of the approval whose rejection or recall ended it. */
  readonly cancelledBy?: string;
}

/** A record: field values plus what the engine keeps about it. */
export interface RecordState {
  readonly id: string;
  readonly entity: string;
  /** Field values by field id; a pipeline's stage is in its `stageField`. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly tags: readonly string[];
  readonly mark?: RecordMark;
  /** Stage history per pipeline id, oldest first. */
  readonly stageHistory: Readonly<Record<string, readonly StageVisit[]>>;
  readonly approvals: readonly ApprovalState[];
  readonly createdAt: Instant;
  readonly createdBy?: string;
  readonly updatedAt: Instant;
  /** Increases with every change. */
  readonly version: number;
}

/**
 * A pending timer: one instance of a timer definition (for one record, or app-wide for a
 * recurring one), or the schedule of an automation with a `schedule` trigger. It fires once
 * at `dueAt` (`app.due` lists it, a `timer.fired` event runs it); an escalation step or the
 * next run of a recurring timer is the same instance due again later.
 */
export interface TimerState {
  /**
   * Instance id, unique in the state: `<timer>@<recordId>` for a record's timer, `<timer>`
   * for a recurring timer, `automation/<id>` for an automation's schedule.
   */
  readonly id: string;
  /** The timer definition's id (the automation's id for a schedule). */
  readonly timer: string;
  /** `timer`: a timer definition; `schedule`: an automation's `schedule` trigger. */
  readonly source: 'timer' | 'schedule';
  /** The record the timer runs for (relative and absolute timers). */
  readonly recordId?: string;
  /** When it is due next (UTC epoch ms). */
  readonly dueAt: Instant;
  /** 0: the timer itself; n ≥ 1: its n-th escalation step. */
  readonly step: number;
  /**
   * Where the count starts: the start event (relative timers), the field's date (absolute
   * timers), the run itself (recurring). Escalation steps count from here.
   */
  readonly baseAt: Instant;
  /** When this instance was started (or last restarted). */
  readonly startedAt: Instant;
}

/** Everything the engine keeps between events. */
export interface AppState {
  readonly records: Readonly<Record<string, RecordState>>;
  /** Pending timers by instance id (absent: none). */
  readonly timers?: Readonly<Record<string, TimerState>>;
}

// ─── Events in ─────────────────────────────────────────────────────────────────────────

/** Something that happens to the app; `handle` reacts to it. */
export type AppEvent =
  | {
      readonly type: 'record.create';
      readonly entity: string;
      readonly recordId: string;
      readonly values: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'record.update';
      readonly recordId: string;
      readonly values: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'stage.move';
      readonly recordId: string;
      readonly to: string;
      /** Which pipeline, when the entity has several. */
      readonly pipeline?: string;
    }
  | {
      readonly type: 'approval.decide';
      readonly recordId: string;
      readonly approval: string;
      readonly decision: 'approve' | 'reject';
      readonly comment?: string;
    }
  | { readonly type: 'approval.recall'; readonly recordId: string; readonly approval: string }
  | {
      /**
       * The schedule of an automation came round: its digests list the records of its entity.
       * The caller decides when (cron, zones and calendars belong to the caller's timers).
       */
      readonly type: 'schedule.due';
      /** The automation's id; its trigger must be a `schedule`. */
      readonly automation: string;
    }
  | {
      /**
       * A pending timer is due: run it (its condition, then its actions, or the next
       * escalation step / recurring run). `app.due(state, now)` lists the instances to fire.
       * A timer that is no longer pending (fired, cancelled) is refused as `not-found`, so
       * firing twice never runs anything twice.
       */
      readonly type: 'timer.fired';
      /** The instance id (`TimerState.id`). */
      readonly timer: string;
    }
  | {
      /**
       * Schedules the recurring timers and automation schedules that are not pending yet
       * (every other event does this too), and starts the absolute timers of records that have
       * none yet when their due time is still ahead — after the app starts, records are
       * imported, or a new version with new timers is deployed.
       */
      readonly type: 'timers.sync';
    };

// ─── Effects out ───────────────────────────────────────────────────────────────────────

/** Where an effect came from: the automation and action, or the approval. */
export interface EffectSource {
  readonly automation?: string;
  /** The timer definition whose firing asked for it. */
  readonly timer?: string;
  /** The escalation step (1-based) of the timer; absent for the timer itself. */
  readonly step?: number;
  readonly action?: number;
  readonly approval?: string;
  readonly pipeline?: string;
}

/** One record a digest lists, in the order of the list. */
export interface DigestItem {
  readonly recordId: string;
  /** The value of the digest's `rank` (absent when it has none). */
  readonly rank?: number;
}

/** Side effects as data: the caller performs them (send a message, create a task, call a URL). */
export type Effect =
  | {
      readonly type: 'notify';
      /** The record the message is about; for a digest, the first record it lists. */
      readonly recordId: string;
      readonly channel: string;
      /** Resolved user ids. */
      readonly recipients: readonly string[];
      readonly title?: LocalizedText;
      /** The template with the record's fields filled in, in both languages. */
      readonly message: LocalizedText;
      /** A digest's records, in the order listed, so that a UI can link them. */
      readonly items?: readonly DigestItem[];
      readonly source: EffectSource;
    }
  | {
      readonly type: 'createTask';
      readonly recordId: string;
      readonly taskId: string;
      readonly title: LocalizedText;
      readonly details?: LocalizedText;
      readonly assignees: readonly string[];
      /** Resolved user ids kept informed (the action's `cc`). */
      readonly cc?: readonly string[];
      readonly dueAt?: Instant;
      /** Values of the attachment fields the task carries (S12: the contract scan). */
      readonly attachments: readonly unknown[];
      readonly source: EffectSource;
    }
  | {
      readonly type: 'callWebhook';
      readonly recordId: string;
      readonly method: string;
      readonly url: string;
      readonly headers: Readonly<Record<string, string>>;
      /** The body with its expressions evaluated against the record. */
      readonly body: unknown;
      readonly source: EffectSource;
    }
  | {
      /** A routing decision to make (lead routing comes with its own issue). */
      readonly type: 'assign';
      readonly recordId: string;
      readonly routing: string;
      readonly field: string;
      readonly source: EffectSource;
    }
  | {
      readonly type: 'startTimer' | 'cancelTimer';
      readonly recordId: string;
      readonly timer: string;
      readonly source: EffectSource;
    };

// ─── Explanations ──────────────────────────────────────────────────────────────────────

/** Why a stage move is not allowed, one entry per unmet requirement. */
export type GateFailure =
  | { readonly type: 'noTransition'; readonly from: string; readonly to: string }
  | { readonly type: 'notAllowed'; readonly roles: readonly string[] }
  | { readonly type: 'missingField'; readonly field: string; readonly label: LocalizedText }
  | { readonly type: 'missingAttachment'; readonly field: string; readonly label: LocalizedText }
  | {
      readonly type: 'condition';
      readonly id: string;
      readonly message: LocalizedText;
      /** The evaluated expression, to show what the condition saw. */
      readonly trace: readonly TraceNode[];
      /** `warning`: the condition's `severity` is warning; shown, but the move may go ahead. */
      readonly severity?: 'warning';
    };

/** The answer to "may this record move to that stage now?". */
export interface GateResult {
  readonly allowed: boolean;
  readonly pipeline: string;
  readonly from: string;
  readonly to: string;
  readonly transition?: string;
  readonly failures: readonly GateFailure[];
  /** Approvals the move will start (their `when` holds); the move waits for them. */
  readonly approvalsRequired: readonly string[];
}

/** One message of a digest: whose records, how many, who receives it. */
export interface DigestGroupTrace {
  /** The group's user (`groupBy`); null for records without one; absent when not grouped. */
  readonly user?: string | null;
  /** Records of the group that passed the filter, before `limit`. */
  readonly selected: number;
  /** The records listed, in order. */
  readonly listed: readonly string[];
  readonly recipients: readonly string[];
}

/** What one digest action of a scheduled automation did. */
export interface DigestTrace {
  /** The action's index in the automation. */
  readonly action: number;
  /** Records that passed the condition and the filter and have a rank. */
  readonly selected: number;
  /** One per message sent, in the order sent. */
  readonly groups: readonly DigestGroupTrace[];
}

/** One step of the engine's reasoning, in order. */
export type TraceEntry =
  | {
      readonly kind: 'automation';
      readonly automation: string;
      readonly recordId: string;
      /** `trigger`: the event is not this automation's; `condition`: its condition was false. */
      readonly outcome: 'fired' | 'trigger' | 'condition' | 'error';
      readonly condition?: readonly TraceNode[];
      readonly error?: Diagnostic;
      readonly round: number;
    }
  | { readonly kind: 'gate'; readonly recordId: string; readonly result: GateResult }
  | {
      readonly kind: 'approval';
      readonly recordId: string;
      readonly approval: string;
      readonly status: ApprovalState['status'];
      readonly step?: string;
      /** For a `cancelled` approval: the approval of the same request that ended it. */
      readonly cancelledBy?: string;
    }
  | {
      /** A `schedule.due` event: the automation's digests over the records of its entity. */
      readonly kind: 'schedule';
      readonly automation: string;
      readonly entity: string;
      /** `disabled`: the automation is switched off and did nothing. */
      readonly outcome: 'fired' | 'disabled';
      /** Records of the entity in the state. */
      readonly considered: number;
      /** Records for which the condition holds (an error leaves a record out). */
      readonly matched: number;
      readonly digests: readonly DigestTrace[];
    }
  | {
      /**
       * A timer instance changed: `started` / `restarted` / `cancelled` by what happened to its
       * record, `fired` (its condition held and its actions ran), `condition` (due, but its
       * condition was false: it ends), `error` (an action or the condition failed),
       * `escalated` (the next escalation step is pending), `rescheduled` (a recurring timer's
       * next run), `ended` (nothing more to do), `skipped` (could not be scheduled: no date in
       * the field, or the due time could not be computed).
       */
      readonly kind: 'timer';
      readonly timer: string;
      readonly instance: string;
      readonly recordId?: string;
      readonly step: number;
      readonly outcome:
        | 'started'
        | 'restarted'
        | 'cancelled'
        | 'fired'
        | 'condition'
        | 'error'
        | 'escalated'
        | 'rescheduled'
        | 'ended'
        | 'skipped';
      /** When it is due (for started/restarted/escalated/rescheduled: the new due time). */
      readonly dueAt?: Instant;
      readonly condition?: readonly TraceNode[];
      readonly error?: Diagnostic;
    }
  | {
      readonly kind: 'cascade-limit';
      readonly recordId: string;
      readonly rounds: number;
      readonly diagnostic: Diagnostic;
    };

/** A field's problem in a form or an update. */
export interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly message: LocalizedText;
  readonly severity: 'error' | 'warning';
  /** The validation rule id, when a form rule (not the field's type) found it. */
  readonly rule?: string;
}

/** How `handle` went. */
export type HandleOutcome =
  | {
      readonly ok: true;
      /** Approvals a requested move now waits for (the stage changes when they are approved). */
      readonly pendingApprovals?: readonly string[];
    }
  | {
      readonly ok: false;
      readonly reason: 'not-found' | 'invalid' | 'gate' | 'not-allowed' | 'approval';
      readonly message: LocalizedText;
      readonly gate?: GateResult;
      readonly errors?: readonly FieldError[];
    };

/** What `handle` returns: the next state, how it differs, what to do, and why. */
export interface HandleResult {
  readonly outcome: HandleOutcome;
  readonly state: AppState;
  /** Immer patches from the given state to `state` (paths start at `records`). */
  readonly patches: readonly Patch[];
  readonly inversePatches: readonly Patch[];
  readonly effects: readonly Effect[];
  readonly trace: readonly TraceEntry[];
}
