-- CreateIndex
CREATE UNIQUE INDEX "one_scheduled_event_per_name_and_window" ON "EnergyEvent"("name", "startsAt", "endsAt") WHERE (status = 'SCHEDULED');
